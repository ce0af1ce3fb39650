package vn.bhxh.cms.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.stereotype.Service;
import co.elastic.clients.elasticsearch._types.FieldValue;

/** Who people are, for pages and e-mails: their names instead of their sign-in codes, and who holds a role. */
@Service
public class People {

    /** Accounts one role lookup reads at most: a national agency's editorial staff, with room to spare. */
    static final int MAX_ACCOUNTS = 2000;

    private final ElasticsearchOperations operations;

    People(ElasticsearchOperations operations) {
        this.operations = operations;
    }

    /** The display name of each of these user names; a user name without an account (or a name) stands for itself. */
    public Map<String, String> names(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        List<String> ids = usernames.stream().filter(u -> u != null && !u.isBlank()).distinct().toList();
        if (ids.isEmpty()) {
            return names;
        }
        ids.forEach(u -> names.put(u, u));
        operations.multiGet(NativeQuery.builder().withIds(ids).build(), UserAccount.class).stream()
                .filter(m -> m.getItem() != null)
                .forEach(m -> {
                    UserAccount account = m.getItem();
                    if (account.displayName() != null && !account.displayName().isBlank()) {
                        names.put(account.username(), account.displayName());
                    }
                });
        return names;
    }

    public String name(String username) {
        return names(username == null ? List.of() : List.of(username)).getOrDefault(username, username);
    }

    /** The enabled accounts that hold any of these roles. */
    public List<UserAccount> withAnyRole(Set<Role> roles) {
        List<FieldValue> values = roles.stream().map(r -> FieldValue.of(r.name())).toList();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.bool(b -> b.filter(f -> f.terms(t -> t.field("roles").terms(v -> v.value(values))))
                        .filter(f -> f.term(t -> t.field("enabled").value(true)))))
                .withPageable(PageRequest.of(0, MAX_ACCOUNTS)).build();
        return operations.search(query, UserAccount.class).stream().map(SearchHit::getContent).toList();
    }
}
