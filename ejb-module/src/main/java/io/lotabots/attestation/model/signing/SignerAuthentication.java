package io.lotabots.attestation.model.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Whether the bundle's DSSE signature was made by a signer the tenant trusts: finds the trusted key the
 * verification material names (key method) or validates its certificate chain (certificate method), then checks
 * the ECDSA signature over the exact PAE bytes with the digest of the key's curve.
 */
final class SignerAuthentication {

    private SignerAuthentication() {}

    static ModelSigner authenticate(SigstoreBundle bundle, SignatureTrust trust, Instant at) throws SignatureRejection {
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(bundle.payloadType())) {
            throw SignatureRejection.invalid(
                    SignatureRules.PAYLOAD_TYPE,
                    "the DSSE payloadType is " + SignatureFindings.quoted(bundle.payloadType()) + ", not "
                            + Dsse.IN_TOTO_PAYLOAD_TYPE);
        }
        byte[] pae = Dsse.pae(bundle.payloadType(), bundle.payload());
        if (bundle.material() instanceof VerificationMaterial.CertificateChain chain) {
            X509Certificate leaf =
                    CertificateChainValidator.validate(chain.certificates(), trust.certificateAuthorities(), at);
            EcdsaCurve.of(leaf.getPublicKey())
                    .orElseThrow(() -> SignatureRejection.unsupported(
                            SignatureRules.KEY_UNSUPPORTED,
                            "the signing certificate's key is "
                                    + leaf.getPublicKey().getAlgorithm() + ", not ECDSA on P-256, P-384 or P-521"));
            requireSignature(bundle, pae, List.of(leaf.getPublicKey()));
            return new ModelSigner(
                    SigningMethod.CERTIFICATE,
                    PublicKeyHint.of(leaf.getPublicKey()),
                    leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
                    leaf.getIssuerX500Principal().getName(X500Principal.RFC2253));
        }
        List<PublicKey> candidates = candidates(bundle.material(), trust);
        PublicKey signer = requireSignature(bundle, pae, candidates);
        return ModelSigner.key(PublicKeyHint.of(signer));
    }

    /** The trusted keys the material could mean: the one its hint or raw key names, or all when it names none. */
    private static List<PublicKey> candidates(VerificationMaterial material, SignatureTrust trust)
            throws SignatureRejection {
        if (material instanceof VerificationMaterial.RawPublicKey raw) {
            byte[] spki = subjectPublicKeyInfo(raw.encoded());
            for (PublicKey key : trust.publicKeys()) {
                if (Arrays.equals(key.getEncoded(), spki)) {
                    requireKeyDetails(raw.keyDetails(), key);
                    return List.of(key);
                }
            }
            throw SignatureRejection.invalid(
                    SignatureRules.KEY_UNTRUSTED,
                    "the bundle's public key (hint " + PublicKeyHint.of(spki)
                            + ") is not among the tenant's trusted keys");
        }
        String hint = ((VerificationMaterial.PublicKeyHint) material).hint();
        if (trust.publicKeys().isEmpty()) {
            throw SignatureRejection.invalid(
                    SignatureRules.KEY_UNTRUSTED,
                    "a key-method signature" + (hint == null ? "" : " (hint " + SignatureFindings.quoted(hint) + ")")
                            + ", and the tenant trusts no signing key");
        }
        if (hint == null) {
            return trust.publicKeys();
        }
        for (PublicKey key : trust.publicKeys()) {
            if (PublicKeyHint.of(key).equals(hint)) {
                return List.of(key);
            }
        }
        throw SignatureRejection.invalid(
                SignatureRules.KEY_UNTRUSTED,
                "no key the tenant trusts has the bundle's hint " + SignatureFindings.quoted(hint));
    }

    /** model_signing before 1.1 put the key's PEM text in rawBytes; Sigstore itself puts the DER there. */
    private static byte[] subjectPublicKeyInfo(byte[] encoded) throws SignatureRejection {
        byte[] der = encoded;
        if (encoded.length == 0 || encoded[0] != 0x30) {
            try {
                List<PemBlocks.Block> blocks = PemBlocks.read(new String(encoded, StandardCharsets.US_ASCII));
                der = blocks.get(0).der();
            } catch (IllegalArgumentException e) {
                throw SignatureRejection.invalid(
                        SignatureRules.BUNDLE_MALFORMED,
                        "verificationMaterial.publicKey.rawBytes is neither a PEM nor a DER public key");
            }
        }
        try {
            // re-encoded, so that a key written with other DER choices still compares equal
            return KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(der))
                    .getEncoded();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw SignatureRejection.invalid(
                    SignatureRules.KEY_UNTRUSTED,
                    "verificationMaterial.publicKey.rawBytes is not an EC public key, and the tenant trusts only"
                            + " ECDSA keys");
        }
    }

    private static void requireKeyDetails(String keyDetails, PublicKey key) throws SignatureRejection {
        String expected = EcdsaCurve.of(key).orElseThrow().keyDetails();
        if (keyDetails != null && !keyDetails.equals(expected)) {
            throw SignatureRejection.invalid(
                    SignatureRules.KEY_DETAILS_MISMATCH,
                    "the bundle's keyDetails " + SignatureFindings.quoted(keyDetails)
                            + " do not describe its key, which is " + expected);
        }
    }

    /** The candidate that signed the PAE; a pre-1.0 model_signing signature is named as such, never accepted. */
    private static PublicKey requireSignature(SigstoreBundle bundle, byte[] pae, List<PublicKey> candidates)
            throws SignatureRejection {
        for (PublicKey key : candidates) {
            EcdsaCurve curve = EcdsaCurve.of(key).orElseThrow();
            if (curve.verifies(key, pae, bundle.signature())) {
                return key;
            }
        }
        byte[] legacy = Dsse.legacyModelSigningPae(bundle.payloadType(), bundle.payload());
        for (PublicKey key : candidates) {
            EcdsaCurve curve = EcdsaCurve.of(key).orElseThrow();
            // model_signing 0.2 signed certificate-method bundles with SHA-256 whatever the curve
            if (curve.verifies(key, legacy, bundle.signature())
                    || EcdsaCurve.verifies("SHA256withECDSA", key, legacy, bundle.signature())) {
                throw SignatureRejection.unsupported(
                        SignatureRules.LEGACY_PAE,
                        "signed by model_signing before 1.0 over its faulty DSSE encoding (\"DSSEV1\" and a Python"
                                + " bytes literal), not the PAE; the model must be signed again");
            }
        }
        throw SignatureRejection.invalid(
                SignatureRules.SIGNATURE_MISMATCH,
                "the DSSE signature does not verify"
                        + (candidates.size() == 1
                                ? " with the trusted key " + PublicKeyHint.of(candidates.get(0))
                                : " with any of the tenant's " + candidates.size() + " trusted keys")
                        + " over the envelope's PAE bytes");
    }
}
