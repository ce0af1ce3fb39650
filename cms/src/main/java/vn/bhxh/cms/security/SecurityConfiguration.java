package vn.bhxh.cms.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ApiTokenService tokens,
            UserAccountStore accounts, SignInThrottle throttle, AuditLog audit) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // What was published is public: the app backend and CDNs poll feeds, remote services fetch media.
                        .requestMatchers(HttpMethod.GET, "/api/v1/feeds/**", "/api/v1/media/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/feeds/**", "/api/v1/media/**").permitAll()
                        .requestMatchers("/api/v1/users/**", "/api/v1/audit/**", "/api/v1/templates/**", "/api/v1/backups/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .addFilterBefore(new SignInBlockFilter(throttle, entryPoint, audit), BasicAuthenticationFilter.class)
                .addFilterBefore(new TokenAuthenticationFilter(tokens, accounts, entryPoint, throttle, audit),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint::deny))
                // Stateless: no session is made, and the page session whose cookie a call may carry is left alone. Spring's
                // sign-in protection would give that session a new id on every call, removing it under the page requests
                // running beside the call (which then found no session and signed the person out).
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // Stateless API calls carry credentials on every request; there is no session cookie to forge.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Actuator: health and its liveness/readiness groups are public (load balancers, Kubernetes probes); metrics and the
     * Prometheus scrape need an administrator, by HTTP Basic or an API token, without a session.
     */
    @Bean
    SecurityFilterChain management(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ApiTokenService tokens,
            UserAccountStore accounts, SignInThrottle throttle, AuditLog audit) throws Exception {
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .addFilterBefore(new SignInBlockFilter(throttle, entryPoint, audit), BasicAuthenticationFilter.class)
                .addFilterBefore(new TokenAuthenticationFilter(tokens, accounts, entryPoint, throttle, audit),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint::deny))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The browser pages: a session after a form sign-in, CSRF tokens on every form (and in a meta tag for our own
     * scripts), a Content-Security-Policy without inline scripts, a new session id at sign-in, throttled sign-ins.
     * Which role opens which page is decided here; what a user may do with a product, by the services.
     */
    @Bean
    SecurityFilterChain site(HttpSecurity http, SiteSecurityProperties properties, SignInThrottle throttle, AuditLog audit)
            throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/products/**").hasAnyRole(Role.ADMIN.name(), Role.EDITOR.name(),
                                Role.REVIEWER.name(), Role.APPROVER.name(), Role.TRANSLATOR.name())
                        // The editorial calendar and its jobs: the people who write, review, approve and schedule.
                        .requestMatchers(HttpMethod.GET, "/publishing/**").hasAnyRole(Role.ADMIN.name(), Role.EDITOR.name(),
                                Role.REVIEWER.name(), Role.APPROVER.name())
                        .requestMatchers("/review/**").hasAnyRole(Role.REVIEWER.name(), Role.APPROVER.name(),
                                Role.TRANSLATOR.name(), Role.ADMIN.name())
                        // The workbench and the glossaries are also the language reviewers' (segment review, terms).
                        .requestMatchers("/translate/glossary/**", "/translate/*/*/segments", "/translate/*/*/segments/**")
                        .hasAnyRole(Role.TRANSLATOR.name(), Role.REVIEWER.name(), Role.ADMIN.name(), Role.EDITOR.name(),
                                Role.APPROVER.name())
                        .requestMatchers("/translate/**").hasAnyRole(Role.TRANSLATOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        // Failures and successes reach the throttle as authentication events (SignInThrottleEvents).
                        .successHandler(success)
                        .failureHandler((request, response, exception) ->
                                response.sendRedirect(request.getContextPath() + "/login?error"))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new LoginThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                // A new session id at sign-in: an id planted before it (session fixation) is worthless afterwards.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder(PasswordProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    IndexedDocument userIndex() {
        // Version 2: the user name became a keyword field of its own, for finding accounts by the start of it.
        return new IndexedDocument(UserAccount.class, 2);
    }

    @Bean
    IndexedDocument signInFailuresIndex() {
        return new IndexedDocument(SignInFailures.class);
    }

    @Bean
    IndexedDocument tokenIndex() {
        return new IndexedDocument(ApiToken.class);
    }
}
