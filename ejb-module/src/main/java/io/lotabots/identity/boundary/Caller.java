package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from their verified access token: the tenant every lookup is confined to, the
 * subject (a user id, or an API key id for bots) and the roles the token carries.
 */
public record Caller(UUID tenantId, String subject, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean is(UUID id) {
        return subject.equals(id.toString());
    }

    /** The subject as an id, for "created by" columns; every subject this service issues is a UUID. */
    public UUID subjectId() {
        return UUID.fromString(subject);
    }
}
