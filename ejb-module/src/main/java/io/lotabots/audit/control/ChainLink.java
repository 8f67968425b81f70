package io.lotabots.audit.control;

import java.util.Objects;

/** One sealed audit event as read back for verification. */
public record ChainLink(long sequence, byte[] storedHash, byte[] canonicalEvent) {

    public ChainLink {
        storedHash = Objects.requireNonNull(storedHash, "storedHash").clone();
        canonicalEvent =
                Objects.requireNonNull(canonicalEvent, "canonicalEvent").clone();
    }

    @Override
    public byte[] storedHash() {
        return storedHash.clone();
    }

    @Override
    public byte[] canonicalEvent() {
        return canonicalEvent.clone();
    }
}
