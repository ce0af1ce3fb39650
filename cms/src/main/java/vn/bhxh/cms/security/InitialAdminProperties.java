package vn.bhxh.cms.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created on the first start when no user exists yet.
 *
 * @param username the administrator's user name
 * @param password the initial password; when empty a random one is generated and written to the log once
 * @param displayName the name shown in the interface
 */
@ConfigurationProperties("bhxh.security.initial-admin")
public record InitialAdminProperties(
        @DefaultValue("admin") String username,
        @DefaultValue("") String password,
        @DefaultValue("Quản trị hệ thống") String displayName) {
}
