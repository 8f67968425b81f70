package io.lotabots.attestation.model.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * model_signing's {@code publicKey.hint}: the lower-case hex SHA-256 of the key's canonical PEM (its
 * SubjectPublicKeyInfo DER in base64 lines of 64 characters, LF line ends, as OpenSSL and Python's
 * {@code cryptography} write it), not of whatever PEM file the key came in.
 */
final class PublicKeyHint {

    private PublicKeyHint() {}

    static String of(PublicKey key) {
        return of(key.getEncoded());
    }

    static String of(byte[] subjectPublicKeyInfo) {
        return sha256Hex(canonicalPem(subjectPublicKeyInfo).getBytes(StandardCharsets.US_ASCII));
    }

    static String canonicalPem(byte[] subjectPublicKeyInfo) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(subjectPublicKeyInfo);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
