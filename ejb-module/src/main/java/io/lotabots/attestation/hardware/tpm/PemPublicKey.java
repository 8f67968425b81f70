package io.lotabots.attestation.hardware.tpm;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An AK public key as {@code tpm2_readpublic -f pem} writes it: a SubjectPublicKeyInfo PEM. Accepts
 * RSA of 2048 bits or more and EC keys on P-256, P-384 or P-521.
 */
public final class PemPublicKey {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final int LIKELY_RSA_BYTES = 224;
    private static final String[] EC_FIRST = {"EC", "RSA"};
    private static final String[] RSA_FIRST = {"RSA", "EC"};

    private PemPublicKey() {}

    public static PublicKey parse(String pem) {
        if (pem == null) {
            throw new MalformedEvidenceException("AK public key PEM: absent");
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new MalformedEvidenceException("AK public key PEM: no " + BEGIN + " … " + END + " block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder()
                    .decode(pem.substring(begin + BEGIN.length(), end).trim());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvidenceException("AK public key PEM: bad base64: " + e.getMessage());
        }
        return accepted(decode(der));
    }

    /**
     * Tries the likely key type first, then the other. An RSA key of 2048 bits or more encodes in 290
     * bytes or more, a key on P-256, P-384 or P-521 in 158 or fewer. Trying RSA first made every EC key
     * fail a parse and build an exception; parsing the algorithm identifier to choose cost an RSA
     * verification as much (docs/benchmarks.md).
     */
    private static PublicKey decode(byte[] der) {
        for (var algorithm : der.length < LIKELY_RSA_BYTES ? EC_FIRST : RSA_FIRST) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the other key type
            }
        }
        throw new MalformedEvidenceException("AK public key PEM: not an RSA or EC SubjectPublicKeyInfo");
    }

    private static PublicKey accepted(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new MalformedEvidenceException(
                    "AK public key PEM: RSA key of " + rsa.getModulus().bitLength() + " bits, at least 2048 needed");
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits != 256 && bits != 384 && bits != 521) {
                throw new MalformedEvidenceException(
                        "AK public key PEM: EC key on a " + bits + "-bit curve, not P-256/384/521");
            }
        }
        return key;
    }
}
