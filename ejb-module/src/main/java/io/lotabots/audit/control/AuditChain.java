package io.lotabots.audit.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hash chain of the audit trail: each link is SHA-256(previous hash ‖ canonical event). */
public final class AuditChain {

    public static final int HASH_BYTES = 32;

    private AuditChain() {}

    /** The hash before the first event: 32 zero bytes. A fresh copy, so no caller can change it. */
    public static byte[] genesis() {
        return new byte[HASH_BYTES];
    }

    public static byte[] link(byte[] previousHash, byte[] canonicalEvent) {
        if (previousHash.length != HASH_BYTES) {
            throw new IllegalArgumentException(
                    "previous hash has " + previousHash.length + " bytes, expected " + HASH_BYTES);
        }
        var sha256 = sha256();
        sha256.update(previousHash);
        return sha256.digest(canonicalEvent);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
