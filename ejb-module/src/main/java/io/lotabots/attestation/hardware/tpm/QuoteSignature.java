package io.lotabots.attestation.hardware.tpm;

import io.lotabots.platform.crypto.BouncyCastle;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * Verifies a TPMT_SIGNATURE over the TPMS_ATTEST bytes with the AK's public key (JCA). RSAPSS is
 * tried with salt = hash length (libtpms) and with the maximum salt (some hardware TPMs); ECDSA's
 * (r, s) is re-encoded as the DER SEQUENCE JCA expects, and verified by Bouncy Castle's provider.
 */
public final class QuoteSignature {

    private QuoteSignature() {}

    /** Whether {@code signature} verifies {@code message} under {@code key}; a key of the wrong kind does not. */
    public static boolean verifies(PublicKey key, TpmSignature signature, byte[] message) {
        try {
            return switch (signature.scheme()) {
                case RSASSA -> key instanceof RSAPublicKey && rsassa(key, signature, message);
                case RSAPSS -> key instanceof RSAPublicKey rsa && rsapss(rsa, signature, message);
                case ECDSA -> key instanceof ECPublicKey && ecdsa(key, signature, message);
            };
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    private static String jcaHash(TpmSignature signature) {
        return signature.hash().jcaName().replace("-", "");
    }

    private static boolean rsassa(PublicKey key, TpmSignature signature, byte[] message)
            throws GeneralSecurityException {
        var verifier = Signature.getInstance(jcaHash(signature) + "withRSA");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature.rsaSignature());
    }

    private static boolean rsapss(RSAPublicKey key, TpmSignature signature, byte[] message)
            throws GeneralSecurityException {
        int hashLength = signature.hash().digestSize();
        int encodedLength = (key.getModulus().bitLength() - 1 + 7) / 8;
        for (int salt : List.of(hashLength, encodedLength - hashLength - 2)) {
            if (salt < 0) {
                continue;
            }
            var verifier = Signature.getInstance("RSASSA-PSS");
            var jca = signature.hash().jcaName();
            verifier.setParameter(new PSSParameterSpec(jca, "MGF1", new MGF1ParameterSpec(jca), salt, 1));
            verifier.initVerify(key);
            verifier.update(message);
            if (verifier.verify(signature.rsaSignature())) {
                return true;
            }
        }
        return false;
    }

    private static boolean ecdsa(PublicKey key, TpmSignature signature, byte[] message)
            throws GeneralSecurityException, IOException {
        var der = new DERSequence(new ASN1Integer[] {
                    new ASN1Integer(new BigInteger(1, signature.r())), new ASN1Integer(new BigInteger(1, signature.s()))
                })
                .getEncoded();
        var verifier = Signature.getInstance(jcaHash(signature) + "withECDSA", BouncyCastle.PROVIDER);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(der);
    }
}
