package io.lotabots.attestation.hardware.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The TPM hash algorithms the verifier knows: TPM_ALG_ID, digest size, JCA name and tpm2-tools name. */
public enum HashAlgorithm {
    SHA1(0x0004, 20, "SHA-1", "sha1"),
    SHA256(0x000B, 32, "SHA-256", "sha256"),
    SHA384(0x000C, 48, "SHA-384", "sha384"),
    SHA512(0x000D, 64, "SHA-512", "sha512");

    private final int algorithmId;
    private final int digestSize;
    private final String jcaName;
    private final String bankName;

    HashAlgorithm(int algorithmId, int digestSize, String jcaName, String bankName) {
        this.algorithmId = algorithmId;
        this.digestSize = digestSize;
        this.jcaName = jcaName;
        this.bankName = bankName;
    }

    public int algorithmId() {
        return algorithmId;
    }

    public int digestSize() {
        return digestSize;
    }

    public String jcaName() {
        return jcaName;
    }

    /** The name tpm2-tools and policies use: {@code sha256}. */
    public String bankName() {
        return bankName;
    }

    public static Optional<HashAlgorithm> byId(int algorithmId) {
        return Arrays.stream(values()).filter(a -> a.algorithmId == algorithmId).findFirst();
    }

    public static Optional<HashAlgorithm> byBankName(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.bankName.equals(lower)).findFirst();
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has " + jcaName, e);
        }
    }

    public byte[] digest(byte[]... parts) {
        var digest = newDigest();
        for (var part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
