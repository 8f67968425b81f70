package io.lotabots.platform.encryption;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** Seals and opens single chunks of one object: one {@link Cipher} reused chunk after chunk. */
final class ChunkCipher {

    private final ChunkFormat.Header header;
    private final SecretKey key;
    private final String objectKey;
    private final Cipher cipher;

    ChunkCipher(ChunkFormat.Header header, SecretKey key, String objectKey) {
        this.header = header;
        this.key = key;
        this.objectKey = objectKey;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Seals {@code length} plaintext bytes as chunk {@code index} into {@code out}; returns the sealed length. */
    int seal(long index, boolean last, byte[] in, int offset, int length, byte[] out, int outOffset) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(ChunkFormat.TAG_BYTES * 8, header.nonce(index)));
            cipher.updateAAD(header.additionalData(objectKey, index, last));
            return cipher.doFinal(in, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal chunk " + index + " of " + objectKey, e);
        }
    }

    /** Opens chunk {@code index} ({@code length} sealed bytes) into {@code out}; returns the plaintext length. */
    int open(long index, boolean last, byte[] in, int offset, int length, byte[] out, int outOffset) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(ChunkFormat.TAG_BYTES * 8, header.nonce(index)));
            cipher.updateAAD(header.additionalData(objectKey, index, last));
            return cipher.doFinal(in, offset, length, out, outOffset);
        } catch (AEADBadTagException e) {
            throw new TamperedObjectException(
                    objectKey, "chunk " + index + (last ? " (last)" : "") + " does not authenticate");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open chunk " + index + " of " + objectKey, e);
        }
    }
}
