package io.lotabots.identity.control;

import io.lotabots.identity.entity.Role;
import java.util.Set;

/**
 * A user's access before and after an administrative change (roles assigned, disabled, enabled),
 * and the two consequences that depend on it.
 */
public record AccessChange(boolean enabledBefore, Set<Role> rolesBefore, boolean enabledAfter, Set<Role> rolesAfter) {

    public AccessChange {
        rolesBefore = Set.copyOf(rolesBefore);
        rolesAfter = Set.copyOf(rolesAfter);
    }

    /** True when the user was a working administrator and will not be one afterwards. */
    public boolean removesAdministrator() {
        return isAdministrator(enabledBefore, rolesBefore) && !isAdministrator(enabledAfter, rolesAfter);
    }

    /**
     * True when the user loses anything they could do; their sessions then end, because a session's
     * tokens carry the roles it started with.
     */
    public boolean withdrawsAccess() {
        return enabledBefore && (!enabledAfter || !rolesAfter.containsAll(rolesBefore));
    }

    private static boolean isAdministrator(boolean enabled, Set<Role> roles) {
        return enabled && roles.contains(Role.ADMIN);
    }
}
