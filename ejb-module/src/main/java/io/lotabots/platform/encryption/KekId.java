package io.lotabots.platform.encryption;

import java.util.UUID;

/** One version of one tenant's key-encryption key. */
public record KekId(UUID tenantId, int version) {

    /** The name a provider files it under and binds it to ({@code tenant/version}). */
    public String name() {
        return tenantId + "/" + version;
    }
}
