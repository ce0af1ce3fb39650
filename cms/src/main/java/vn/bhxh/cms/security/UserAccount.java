package vn.bhxh.cms.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/** A person or service account; the id is the lower-cased user name. The password is kept only as a bcrypt hash. */
@Document(indexName = "users", createIndex = false)
public record UserAccount(
        @Id @Field(type = FieldType.Keyword) String username,
        @Field(type = FieldType.Text) String displayName,
        @Field(type = FieldType.Keyword, index = false) String passwordHash,
        @Field(type = FieldType.Keyword) Set<Role> roles,
        @Field(type = FieldType.Object) Scopes scopes,
        @Field(type = FieldType.Boolean) boolean enabled,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt) implements Serializable {

    public UserAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        scopes = scopes == null ? Scopes.NONE : scopes;
    }

    /** The same account without its password hash: what a stored web session keeps of it. */
    UserAccount withoutPasswordHash() {
        return new UserAccount(username, displayName, null, roles, scopes, enabled, createdAt);
    }

    public Actor actor() {
        return new Actor(username, roles, scopes);
    }

    /** User names are kept and compared stripped and in lower case. */
    public static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
