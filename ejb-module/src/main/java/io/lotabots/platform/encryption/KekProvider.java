package io.lotabots.platform.encryption;

import javax.crypto.SecretKey;

/**
 * Keeps tenants' key-encryption keys. The KEK itself wraps data keys in this process, so a provider is
 * asked once per KEK version and server ({@link Keks} caches what {@link #open} returns), never per object.
 */
public interface KekProvider {

    /** How {@code tenant_kek.provider} names it. */
    String name();

    /**
     * Makes the key of a new version; returns what the database must keep to open it again (null when the
     * provider keeps the key itself).
     */
    byte[] create(KekId id);

    /** The key of a version, from what {@link #create} returned; a destroyed or unknown one is an error. */
    SecretKey open(KekId id, byte[] material);

    /** Makes a version unrecoverable as far as the provider keeps it (the database wipes its material). */
    void destroy(KekId id);
}
