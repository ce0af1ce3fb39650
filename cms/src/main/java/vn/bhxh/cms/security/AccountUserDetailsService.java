package vn.bhxh.cms.security;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.ElasticsearchUnavailableException;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountStore accounts;

    AccountUserDetailsService(UserAccountStore accounts) {
        this.accounts = accounts;
    }

    /**
     * A user store that cannot be read (Elasticsearch down, hung past the client's timeout) is never "no such user":
     * that would answer 401 and send the caller to re-enter a correct password. Any failure of the lookup becomes
     * {@link ElasticsearchUnavailableException}, which the authentication entry point answers with 503.
     */
    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<UserAccount> account;
        try {
            account = accounts.find(username);
        } catch (RuntimeException e) {
            throw new ElasticsearchUnavailableException("The user store could not be read: " + e.getMessage(), e);
        }
        return new AccountPrincipal(account.orElseThrow(() -> new UsernameNotFoundException(username)));
    }
}
