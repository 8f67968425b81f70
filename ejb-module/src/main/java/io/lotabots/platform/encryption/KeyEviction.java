package io.lotabots.platform.encryption;

import java.util.Optional;
import java.util.UUID;

/**
 * What a server tells the others to drop from memory: every key of a tenant (version 0, after
 * crypto-shredding) or one destroyed KEK version. Its message names the tenant and version only, never
 * key material, since it travels through Redis.
 */
record KeyEviction(UUID tenantId, int version) {

    static KeyEviction tenant(UUID tenantId) {
        return new KeyEviction(tenantId, 0);
    }

    static KeyEviction kek(KekId id) {
        return new KeyEviction(id.tenantId(), id.version());
    }

    boolean wholeTenant() {
        return version == 0;
    }

    String message() {
        return tenantId + " " + version;
    }

    /** The eviction a message names; anything else (another release's format, noise) is ignored. */
    static Optional<KeyEviction> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        String[] parts = message.split(" ", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(parts[1]);
            return version < 0 ? Optional.empty() : Optional.of(new KeyEviction(UUID.fromString(parts[0]), version));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
