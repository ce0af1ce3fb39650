package vn.bhxh.cms.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ApiTokenService tokens,
            UserAccountStore accounts) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // What was published is public: the app backend and CDNs poll feeds, remote services fetch media.
                        .requestMatchers(HttpMethod.GET, "/api/v1/feeds/**", "/api/v1/media/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/feeds/**", "/api/v1/media/**").permitAll()
                        .requestMatchers("/api/v1/users/**", "/api/v1/audit/**", "/api/v1/templates/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .addFilterBefore(new TokenAuthenticationFilter(tokens, accounts, entryPoint), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint::deny))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless API calls carry credentials on every request; there is no session cookie to forge.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder(PasswordProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    IndexedDocument userIndex() {
        return new IndexedDocument(UserAccount.class);
    }

    @Bean
    IndexedDocument tokenIndex() {
        return new IndexedDocument(ApiToken.class);
    }
}
