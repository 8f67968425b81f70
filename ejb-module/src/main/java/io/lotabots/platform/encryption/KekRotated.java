package io.lotabots.platform.encryption;

import java.util.UUID;

/**
 * A CDI event: a tenant's key-encryption key changed. Fired after the change committed; the audit trail
 * observes it, so the platform need not know the audit trail.
 *
 * @param change what happened
 * @param tenantId whose key
 * @param version the version made current (ROTATED), destroyed (DESTROYED), or 0 when all were (SHREDDED)
 * @param actor who asked: {@code system} for the timer, else the administrator's user id
 * @param dataKeys data keys touched: re-wrapped so far (ROTATED), removed (SHREDDED)
 */
public record KekRotated(Change change, UUID tenantId, int version, String actor, long dataKeys) {

    public enum Change {
        ROTATED,
        DESTROYED,
        SHREDDED
    }
}
