package vn.bhxh.cms.security;

import java.util.Locale;
import java.util.Optional;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class UserAccountStore {

    private final ElasticsearchOperations operations;

    public UserAccountStore(ElasticsearchOperations operations) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(operations.get(normalize(username), UserAccount.class));
    }

    public boolean anyExists() {
        return operations.count(Query.findAll(), UserAccount.class) > 0;
    }

    public UserAccount save(UserAccount account) {
        return operations.save(account);
    }

    static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
