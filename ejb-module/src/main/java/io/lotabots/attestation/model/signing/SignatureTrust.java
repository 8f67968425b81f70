package io.lotabots.attestation.model.signing;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a tenant trusts to sign models: ECDSA public keys (P-256, P-384, P-521) for the key method, and CA
 * certificates that certificate-method signers' chains must lead to.
 */
public record SignatureTrust(List<PublicKey> publicKeys, List<X509Certificate> certificateAuthorities) {

    public static final SignatureTrust NONE = new SignatureTrust(List.of(), List.of());

    public SignatureTrust {
        publicKeys = List.copyOf(publicKeys);
        for (PublicKey key : publicKeys) {
            if (EcdsaCurve.of(key).isEmpty()) {
                throw new IllegalArgumentException("a trusted signing key must be ECDSA on P-256, P-384 or P-521");
            }
        }
        certificateAuthorities = List.copyOf(certificateAuthorities);
    }

    /**
     * Trust from PEM texts (each may hold several blocks and text around them).
     *
     * @throws IllegalArgumentException naming the text that is not an accepted key or certificate
     */
    public static SignatureTrust fromPem(List<String> publicKeyPems, List<String> caCertificatePems) {
        List<PublicKey> keys = new ArrayList<>();
        for (int i = 0; i < publicKeyPems.size(); i++) {
            for (PemBlocks.Block block : blocks(publicKeyPems.get(i), "trusted key " + (i + 1))) {
                keys.add(publicKey(block, "trusted key " + (i + 1)));
            }
        }
        List<X509Certificate> authorities = new ArrayList<>();
        for (int i = 0; i < caCertificatePems.size(); i++) {
            for (PemBlocks.Block block : blocks(caCertificatePems.get(i), "trusted CA " + (i + 1))) {
                authorities.add(certificate(block, "trusted CA " + (i + 1)));
            }
        }
        return new SignatureTrust(keys, authorities);
    }

    private static List<PemBlocks.Block> blocks(String pem, String what) {
        try {
            return PemBlocks.read(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static PublicKey publicKey(PemBlocks.Block block, String what) {
        if (!block.type().equals("PUBLIC KEY")) {
            throw new IllegalArgumentException(what + ": a " + block.type() + " block, not a PUBLIC KEY");
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(what + ": not an EC SubjectPublicKeyInfo", e);
        }
        if (EcdsaCurve.of(key).isEmpty()) {
            throw new IllegalArgumentException(what + ": an EC key on a curve other than P-256, P-384 or P-521");
        }
        return key;
    }

    private static X509Certificate certificate(PemBlocks.Block block, String what) {
        if (!block.type().equals("CERTIFICATE")) {
            throw new IllegalArgumentException(what + ": a " + block.type() + " block, not a CERTIFICATE");
        }
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(what + ": not an X.509 certificate", e);
        }
    }
}
