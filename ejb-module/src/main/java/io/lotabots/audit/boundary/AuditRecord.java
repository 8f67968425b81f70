package io.lotabots.audit.boundary;

import io.lotabots.audit.control.CanonicalJson;
import io.lotabots.audit.entity.Outcome;
import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a component tells the audit trail. Actor and tenant may be left out: they then come from the
 * authenticated caller of the current request, or are "system" and the platform chain.
 *
 * <pre>{@code
 * audit.record(AuditRecord.success("user.created").target("user", id).detail("username", name).build());
 * }</pre>
 */
public record AuditRecord(
        String action,
        Outcome outcome,
        String actor,
        String actorName,
        UUID tenantId,
        String targetType,
        String targetId,
        JsonObject details) {

    /** Stable dotted names in lower case: {@code auth.login.succeeded}, {@code api-key.revoked}. */
    public static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        if (action.length() > 100 || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action " + action + " is not a dotted lower-case name");
        }
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? JsonValue.EMPTY_JSON_OBJECT : details;
        // fails here, in the caller's code, rather than later in the sealer (e.g. a fraction)
        CanonicalJson.toBytes(details);
    }

    public static Builder success(String action) {
        return new Builder(action, Outcome.SUCCESS);
    }

    public static Builder failure(String action) {
        return new Builder(action, Outcome.FAILURE);
    }

    public static Builder denied(String action) {
        return new Builder(action, Outcome.DENIED);
    }

    /** Builds a record; only action and outcome are required. */
    public static final class Builder {
        private final String action;
        private final Outcome outcome;
        private final JsonObjectBuilder details = Json.createObjectBuilder();
        private String actor;
        private String actorName;
        private UUID tenantId;
        private String targetType;
        private String targetId;

        private Builder(String action, Outcome outcome) {
            this.action = action;
            this.outcome = outcome;
        }

        /** Who acted, when not the authenticated caller (a login, a failed login, a timer). */
        public Builder actor(String actor, String actorName) {
            this.actor = actor;
            this.actorName = actorName;
            return this;
        }

        public Builder tenant(UUID tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder target(String type, Object id) {
            this.targetType = type;
            this.targetId = id == null ? null : id.toString();
            return this;
        }

        public Builder detail(String name, String value) {
            if (value != null) {
                details.add(name, value);
            }
            return this;
        }

        public Builder detail(String name, long value) {
            details.add(name, value);
            return this;
        }

        public Builder detail(String name, boolean value) {
            details.add(name, value);
            return this;
        }

        public Builder detail(String name, JsonValue value) {
            details.add(name, value);
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(action, outcome, actor, actorName, tenantId, targetType, targetId, details.build());
        }
    }
}
