package vn.bhxh.cms.publicpage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import vn.bhxh.cms.elasticsearch.IndexedDocument;
import vn.bhxh.cms.elasticsearch.RetentionProperties;
import vn.bhxh.cms.elasticsearch.RetentionRule;
import vn.bhxh.cms.security.SiteSecurityProperties;

@Configuration(proxyBeanMethods = false)
class PublicPageConfiguration {

    /**
     * The public pages, ahead of the site's chain: anyone may read them, no session is ever made (so they cache and
     * scale), the same Content-Security-Policy as every page (they have no script at all). Cache-Control is the
     * controller's: a page revalidates, a font is cached for long.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicPageSecurity(HttpSecurity http, SiteSecurityProperties site) throws Exception {
        return http
                .securityMatcher(ShortLinks.PATH + "**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, ShortLinks.PATH + "**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, ShortLinks.PATH + "**").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Nothing here changes anything: there is no form and no request a forged one could make.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(site.contentSecurityPolicy()))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    @Bean
    IndexedDocument shortLinkIndex() {
        return new IndexedDocument(ShortLink.class);
    }

    @Bean
    RetentionRule pageVisitRetention(RetentionProperties retention) {
        return new RetentionRule("page-visits", "day", retention.pageVisits());
    }

    @Bean
    IndexedDocument pageVisitIndex() {
        return new IndexedDocument(PageVisit.class);
    }
}
