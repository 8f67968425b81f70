package io.lotabots.identity.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.json.Json;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/**
 * Audit events of changes to users, roles, passwords and API keys, in the change's transaction and
 * attributed to the {@link Caller} who made them (API and console alike). Never a password or a key secret.
 */
@Dependent
class IdentityChangeAudit {

    @Inject
    AuditTrail audit;

    void userCreated(Caller caller, UserView user) {
        audit.record(caller.attribute(AuditRecord.success("identity.user.created"))
                .target("user", user.id())
                .detail("username", user.username())
                .detail("roles", roles(user.roles()))
                .build());
    }

    void accessChanged(Caller caller, String action, UserView before, UserView after) {
        audit.record(caller.attribute(AuditRecord.success(action))
                .target("user", after.id())
                .detail("rolesBefore", roles(before.roles()))
                .detail("rolesAfter", roles(after.roles()))
                .detail("enabledBefore", before.enabled())
                .detail("enabledAfter", after.enabled())
                .build());
    }

    void passwordChanged(Caller caller, UUID userId) {
        audit.record(caller.attribute(AuditRecord.success("identity.user.password-changed"))
                .target("user", userId)
                .detail("byAdministrator", !caller.is(userId))
                .build());
    }

    void apiKeyIssued(Caller caller, ApiKeyView key) {
        audit.record(caller.attribute(AuditRecord.success("identity.api-key.issued"))
                .target("api-key", key.id())
                .detail("name", key.name())
                .detail("roles", roles(key.roles()))
                .detail("expiresAt", String.valueOf(key.expiresAt()))
                .build());
    }

    void apiKeyRevoked(Caller caller, UUID keyId) {
        audit.record(caller.attribute(AuditRecord.success("identity.api-key.revoked"))
                .target("api-key", keyId)
                .build());
    }

    private static jakarta.json.JsonArray roles(Set<Role> roles) {
        var list = Json.createArrayBuilder();
        roles.stream().map(Enum::name).sorted().forEach(list::add);
        return list.build();
    }
}
