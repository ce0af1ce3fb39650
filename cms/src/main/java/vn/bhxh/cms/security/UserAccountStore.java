package vn.bhxh.cms.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
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

    public List<UserAccount> list(int page, int size) {
        Query query = Query.findAll().setPageable(PageRequest.of(page, size, Sort.by("createdAt")));
        return operations.search(query, UserAccount.class).stream().map(SearchHit::getContent).toList();
    }

    public UserAccount save(UserAccount account) {
        return operations.save(account);
    }
}
