package vn.bhxh.cms.security;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class UserAccountStore {

    private final ElasticsearchOperations operations;

    public UserAccountStore(ElasticsearchOperations operations) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(operations.get(UserAccount.normalize(username), UserAccount.class));
    }

    public boolean anyExists() {
        return operations.count(Query.findAll(), UserAccount.class) > 0;
    }

    /**
     * One page of accounts, oldest first; a non-blank text keeps those whose user name starts with it or whose name
     * holds all its words (how an administrator finds one person among hundreds of provincial accounts).
     */
    public List<UserAccount> list(String text, int page, int size) {
        String wanted = text == null ? "" : text.strip();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> wanted.isEmpty() ? q.matchAll(m -> m) : q.bool(b -> b
                        .should(s -> s.prefix(p -> p.field("username").value(wanted.toLowerCase(Locale.ROOT))))
                        .should(s -> s.match(m -> m.field("displayName").query(wanted).operator(Operator.And)))
                        .minimumShouldMatch("1")))
                .withPageable(PageRequest.of(page, size, Sort.by("createdAt", "username")))
                .build();
        return operations.search(query, UserAccount.class).stream().map(SearchHit::getContent).toList();
    }

    public UserAccount save(UserAccount account) {
        return operations.save(account);
    }
}
