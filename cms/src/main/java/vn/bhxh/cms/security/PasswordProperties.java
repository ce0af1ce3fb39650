package vn.bhxh.cms.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passwords are hashed.
 *
 * @param bcryptStrength bcrypt's cost (log2 of the rounds), 4–31; 10 takes about 50–100 ms a check here, the
 *        usual balance for interactive logins. Each hash keeps its own cost, so raising it later is safe.
 */
@ConfigurationProperties("bhxh.security.password")
public record PasswordProperties(@DefaultValue("10") int bcryptStrength) {
}
