package vn.bhxh.cms.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountStore accounts;

    AccountUserDetailsService(UserAccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return new AccountPrincipal(accounts.find(username).orElseThrow(() -> new UsernameNotFoundException(username)));
    }
}
