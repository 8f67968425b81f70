package io.lotabots.attestation.hardware.tpm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The TPM hash algorithms (TPM_ALG_ID) the service understands, with their JCA names and sizes. */
public enum TpmHash {
    SHA1(0x0004, "sha1", "SHA-1", "HmacSHA1", 20),
    SHA256(0x000B, "sha256", "SHA-256", "HmacSHA256", 32),
    SHA384(0x000C, "sha384", "SHA-384", "HmacSHA384", 48),
    SHA512(0x000D, "sha512", "SHA-512", "HmacSHA512", 64);

    private final int algorithmId;
    private final String bankName;
    private final String jcaName;
    private final String hmacName;
    private final int digestSize;

    TpmHash(int algorithmId, String bankName, String jcaName, String hmacName, int digestSize) {
        this.algorithmId = algorithmId;
        this.bankName = bankName;
        this.jcaName = jcaName;
        this.hmacName = hmacName;
        this.digestSize = digestSize;
    }

    public static Optional<TpmHash> ofId(int algorithmId) {
        for (TpmHash hash : values()) {
            if (hash.algorithmId == algorithmId) {
                return Optional.of(hash);
            }
        }
        return Optional.empty();
    }

    /** By tpm2-tools bank name ({@code sha256}), case-insensitive. */
    public static Optional<TpmHash> ofBankName(String name) {
        for (TpmHash hash : values()) {
            if (hash.bankName.equalsIgnoreCase(name)) {
                return Optional.of(hash);
            }
        }
        return Optional.empty();
    }

    public int algorithmId() {
        return algorithmId;
    }

    public String bankName() {
        return bankName;
    }

    public String jcaName() {
        return jcaName;
    }

    public String hmacName() {
        return hmacName;
    }

    public int digestSize() {
        return digestSize;
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is part of every Java runtime", e);
        }
    }

    public byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
