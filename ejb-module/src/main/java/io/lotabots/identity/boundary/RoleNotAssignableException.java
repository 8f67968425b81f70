package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.Role;
import java.util.Set;

/** A tenant's user or API key was to hold a role that belongs to no tenant (PLATFORM_OPERATOR). */
public class RoleNotAssignableException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    private RoleNotAssignableException(Role role) {
        super(role.name() + " belongs to the platform, not to a tenant: no user or API key of a tenant may hold it.");
    }

    /** Refuses the set unless every role in it is a tenant role. */
    static void check(Set<Role> roles) {
        for (Role role : roles) {
            if (!role.isTenantRole()) {
                throw new RoleNotAssignableException(role);
            }
        }
    }
}
