package io.lotabots.platform.encryption;

import jakarta.ejb.ApplicationException;

/** A key-encryption key cannot be had: destroyed (crypto-shredded), unknown, or its provider failed. */
@ApplicationException(rollback = true)
public class KekUnavailableException extends RuntimeException {
    public KekUnavailableException(KekId id, String why) {
        super("Key-encryption key " + id.name() + " unavailable: " + why);
    }

    public KekUnavailableException(KekId id, String why, Throwable cause) {
        super("Key-encryption key " + id.name() + " unavailable: " + why, cause);
    }
}
