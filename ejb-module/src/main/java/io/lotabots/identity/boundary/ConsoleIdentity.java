package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.Role;
import java.util.Set;
import java.util.UUID;

/** Who signed in to the admin console: enough to act as a {@link Caller} and to end the session. */
public record ConsoleIdentity(
        UUID tenantId, String tenantName, UUID userId, String username, Set<Role> roles, UUID sessionId)
        implements java.io.Serializable {

    public ConsoleIdentity {
        roles = Set.copyOf(roles);
    }

    public Caller caller() {
        return new Caller(tenantId, userId.toString(), username, roles);
    }
}
