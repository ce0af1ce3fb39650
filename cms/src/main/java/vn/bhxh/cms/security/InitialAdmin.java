package vn.bhxh.cms.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.elasticsearch.IndicesReadyEvent;

/** Creates the first administrator from configuration once Elasticsearch is reachable and no user exists. */
@Component
class InitialAdmin {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserAccountStore accounts;
    private final PasswordEncoder passwords;
    private final InitialAdminProperties properties;
    private final Clock clock;

    InitialAdmin(UserAccountStore accounts, PasswordEncoder passwords, InitialAdminProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** Before the demo data, so the administrator can sign in as soon as the application says it is ready. */
    @EventListener(IndicesReadyEvent.class)
    @Order(0)
    void createIfNoUserExists() {
        if (accounts.anyExists()) {
            return;
        }
        String password = properties.password();
        if (password.isBlank()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("Tạo quản trị viên đầu tiên '{}' với mật khẩu '{}' — hãy đổi ngay. "
                    + "(First administrator '{}' created with password '{}': change it now.)",
                    properties.username(), password, properties.username(), password);
        } else {
            log.info("Created the first administrator '{}' from configuration", properties.username());
        }
        accounts.save(new UserAccount(UserAccount.normalize(properties.username()), properties.displayName(),
                passwords.encode(password), Set.of(Role.ADMIN), Scopes.NONE, true, clock.instant()));
    }
}
