package io.lotabots.attestation.hardware.enrollment;

import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Public keys as {@code tpm2_readpublic -f pem} and OpenSSL write them: PEM SubjectPublicKeyInfo. */
public final class PublicKeys {

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]*)-----END PUBLIC KEY-----");

    private PublicKeys() {}

    /** An RSA or EC key from one {@code BEGIN PUBLIC KEY} block. */
    public static PublicKey fromPem(String pem) {
        Matcher block = PEM.matcher(pem == null ? "" : pem);
        if (!block.find()) {
            throw new MalformedEvidenceException("public key: no BEGIN/END PUBLIC KEY block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedEvidenceException("public key: the PEM block is not base64");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw new MalformedEvidenceException("public key: not an RSA or EC SubjectPublicKeyInfo");
    }
}
