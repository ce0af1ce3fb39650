package vn.bhxh.cms.security;

import java.io.Serializable;
import java.util.Set;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * What narrows a role: a reviewer's topics and departments, a translator's languages (BCP 47 tags),
 * a provincial user's province or region, a connector's channels. Empty means "no narrowing" except for
 * languages and province, which a translator or provincial user must have.
 */
public record Scopes(
        @Field(type = FieldType.Keyword) Set<String> topics,
        @Field(type = FieldType.Keyword) Set<String> departments,
        @Field(type = FieldType.Keyword) Set<String> languages,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Keyword) Set<String> channels) implements Serializable {

    public static final Scopes NONE = new Scopes(Set.of(), Set.of(), Set.of(), null, Set.of());

    public Scopes {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        departments = departments == null ? Set.of() : Set.copyOf(departments);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }
}
