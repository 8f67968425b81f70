package io.lotabots.attestation.hardware.enrollment;

import io.lotabots.attestation.hardware.tpm.TpmHash;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TPM's key derivation functions (TPM 2.0 Part 1, 11.4.10): KDFa (SP 800-108 counter mode with
 * HMAC) and KDFe (SP 800-56A concatenation KDF). Labels are NUL-terminated, as the TPM uses them.
 */
public final class TpmKdf {

    private TpmKdf() {}

    /** KDFa(hash, key, label, contextU, contextV, bits). */
    public static byte[] kdfa(TpmHash hash, byte[] key, String label, byte[] contextU, byte[] contextV, int bits) {
        try {
            Mac mac = Mac.getInstance(hash.hmacName());
            mac.init(new SecretKeySpec(key, hash.hmacName()));
            byte[] fixed = concat(terminated(label), contextU, contextV, u32(bits));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int counter = 1; out.size() * 8 < bits; counter++) {
                mac.update(u32(counter));
                out.writeBytes(mac.doFinal(fixed));
            }
            return Arrays.copyOf(out.toByteArray(), (bits + 7) / 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash.hmacName() + " is part of every Java runtime", e);
        }
    }

    /** KDFe(hash, Z, label, partyUInfo, partyVInfo, bits). */
    public static byte[] kdfe(TpmHash hash, byte[] z, String label, byte[] partyU, byte[] partyV, int bits) {
        byte[] fixed = concat(z, terminated(label), partyU, partyV);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int counter = 1; out.size() * 8 < bits; counter++) {
            out.writeBytes(hash.digest(u32(counter), fixed));
        }
        return Arrays.copyOf(out.toByteArray(), (bits + 7) / 8);
    }

    private static byte[] terminated(String label) {
        byte[] text = label.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(text, text.length + 1);
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
