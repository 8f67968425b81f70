package io.lotabots.attestation.model.signing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code model.sig}: a Sigstore bundle v0.3 in JSON whose content is a DSSE envelope with one signature.
 * Parsing checks the structure only; nothing here is trusted yet.
 */
record SigstoreBundle(VerificationMaterial material, String payloadType, byte[] payload, byte[] signature) {

    static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

    /** Leaf, intermediates and perhaps the root: a longer list is not a certificate chain. */
    private static final int MAX_CERTIFICATES = 10;

    private static final JsonFields JSON = new JsonFields(SignatureRules.BUNDLE_MALFORMED, "the signature bundle");

    /**
     * Parses the bundle; model_signing's bundles are exactly v0.3 (it refuses any other media type, and so does
     * this).
     */
    static SigstoreBundle parse(byte[] json) throws SignatureRejection {
        JsonObject bundle = JSON.parseObject(json);
        String mediaType = JSON.optionalString(bundle, "mediaType", "mediaType");
        if (!MEDIA_TYPE.equals(mediaType)) {
            throw SignatureRejection.invalid(
                    SignatureRules.BUNDLE_MEDIA_TYPE,
                    "the bundle's mediaType is " + SignatureFindings.quoted(mediaType) + ", not " + MEDIA_TYPE);
        }
        VerificationMaterial material = material(JSON.object(bundle, "verificationMaterial", "verificationMaterial"));
        JsonObject envelope = JSON.optionalObject(bundle, "dsseEnvelope", "dsseEnvelope");
        if (envelope == null) {
            throw JSON.malformed("the bundle has no dsseEnvelope (a model signature signs an in-toto statement)");
        }
        String payloadType = JSON.string(envelope, "payloadType", "dsseEnvelope.payloadType");
        byte[] payload = JSON.base64(envelope, "payload", "dsseEnvelope.payload");
        JsonArray signatures = JSON.array(envelope, "signatures", "dsseEnvelope.signatures");
        if (signatures.size() != 1) {
            throw JSON.malformed("dsseEnvelope.signatures holds " + signatures.size()
                    + " signatures; a Sigstore bundle carries exactly one");
        }
        JsonObject signature = JSON.element(signatures, 0, "dsseEnvelope.signatures");
        byte[] sig = JSON.base64(signature, "sig", "dsseEnvelope.signatures[0].sig");
        if (sig.length == 0) {
            throw JSON.malformed("dsseEnvelope.signatures[0].sig is empty");
        }
        return new SigstoreBundle(material, payloadType, payload, sig);
    }

    private static VerificationMaterial material(JsonObject material) throws SignatureRejection {
        JsonArray tlog = JSON.optionalArray(material, "tlogEntries", "verificationMaterial.tlogEntries");
        int tlogEntries = tlog == null ? 0 : tlog.size();
        JsonObject publicKey = JSON.optionalObject(material, "publicKey", "verificationMaterial.publicKey");
        JsonObject chain =
                JSON.optionalObject(material, "x509CertificateChain", "verificationMaterial.x509CertificateChain");
        JsonObject certificate = JSON.optionalObject(material, "certificate", "verificationMaterial.certificate");
        int kinds = (publicKey == null ? 0 : 1) + (chain == null ? 0 : 1) + (certificate == null ? 0 : 1);
        if (kinds != 1) {
            throw JSON.malformed("verificationMaterial must hold exactly one of publicKey, x509CertificateChain"
                    + " and certificate; it holds " + kinds);
        }
        if (certificate != null || (chain != null && tlogEntries > 0)) {
            throw SignatureRejection.unsupported(
                    SignatureRules.KEYLESS_UNSUPPORTED,
                    "a keyless Sigstore signature (Fulcio certificate and Rekor log entries): this verifier checks"
                            + " only key- and certificate-method signatures against the tenant's trust");
        }
        if (chain != null) {
            return new VerificationMaterial.CertificateChain(certificates(chain), tlogEntries);
        }
        // model_signing reads the hint and ignores rawBytes when both are there; an empty hint is protobuf's unset
        String hint = JSON.optionalString(publicKey, "hint", "verificationMaterial.publicKey.hint");
        boolean hasRawBytes = publicKey.containsKey("rawBytes") && !publicKey.isNull("rawBytes");
        if ((hint == null || hint.isEmpty()) && hasRawBytes) {
            return new VerificationMaterial.RawPublicKey(
                    JSON.base64(publicKey, "rawBytes", "verificationMaterial.publicKey.rawBytes"),
                    JSON.optionalString(publicKey, "keyDetails", "verificationMaterial.publicKey.keyDetails"),
                    tlogEntries);
        }
        return new VerificationMaterial.PublicKeyHint(hint == null || hint.isEmpty() ? null : hint, tlogEntries);
    }

    private static List<X509Certificate> certificates(JsonObject chain) throws SignatureRejection {
        String path = "verificationMaterial.x509CertificateChain.certificates";
        JsonArray entries = JSON.array(chain, "certificates", path);
        if (entries.isEmpty() || entries.size() > MAX_CERTIFICATES) {
            throw JSON.malformed(path + " holds " + entries.size() + " certificates, not 1 to " + MAX_CERTIFICATES);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = path + "[" + i + "].rawBytes";
            byte[] der = JSON.base64(JSON.element(entries, i, path), "rawBytes", at);
            try {
                certificates.add((X509Certificate)
                        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | RuntimeException e) {
                throw JSON.malformed(at + " is not a DER X.509 certificate");
            }
        }
        return certificates;
    }
}
