package io.lotabots.identity.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.identity.entity.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the tenant every lookup is confined to, the subject (a user id, or an API key id
 * for bots), the name people know them by (username or key name) and their roles. The API builds it
 * from the verified access token, the console from its signed-in user; the boundaries authorise and
 * audit with it, so both entry points are confined and attributed alike.
 */
public record Caller(UUID tenantId, String subject, String name, Set<Role> roles) {

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

    /** The record as this caller's doing, in their tenant: how every change they make names its actor. */
    public AuditRecord.Builder attribute(AuditRecord.Builder record) {
        return record.actor(subject, name).tenant(tenantId);
    }
}
