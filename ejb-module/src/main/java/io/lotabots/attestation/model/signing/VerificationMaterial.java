package io.lotabots.attestation.model.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/** The bundle's {@code verificationMaterial}, in the forms a key- or certificate-method signature takes. */
sealed interface VerificationMaterial {

    /** Entries of a transparency log; this verifier does not check them. */
    int tlogEntries();

    /** {@code publicKey.hint} (model_signing ≥ 1.1); either field may be absent. */
    record PublicKeyHint(String hint, int tlogEntries) implements VerificationMaterial {}

    /** {@code publicKey.rawBytes} (model_signing < 1.1: the PEM text; Sigstore: DER) with its {@code keyDetails}. */
    record RawPublicKey(byte[] encoded, String keyDetails, int tlogEntries) implements VerificationMaterial {}

    /** {@code x509CertificateChain.certificates}, the leaf first. */
    record CertificateChain(List<X509Certificate> certificates, int tlogEntries) implements VerificationMaterial {}
}
