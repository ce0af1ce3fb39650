package vn.bhxh.cms.security;

import java.util.Set;

/** The signed-in user as the domain sees them: who, with which roles and scopes. */
public record Actor(String username, Set<Role> roles, Scopes scopes) {

    public Actor {
        roles = Set.copyOf(roles);
        scopes = scopes == null ? Scopes.NONE : scopes;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> candidates) {
        return candidates.stream().anyMatch(this::has);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
