package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.hardware.tpm.ChainValidation;
import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A certificate sent with the evidence (PEM, possibly with its chain, or DER) and the intermediates
 * sent in {@code certificateChain}, validated against a policy's anchors.
 */
record SubmittedCertificates(X509Certificate leaf, List<X509Certificate> intermediates) {

    /** Parses the leaf (the first certificate of {@code certificate}) and every intermediate. */
    static SubmittedCertificates read(byte[] certificate, List<byte[]> chain) {
        var leafAndMore = Certificates.parse(certificate);
        if (leafAndMore.isEmpty()) {
            throw new MalformedEvidenceException("certificate: holds no certificate");
        }
        var intermediates = new ArrayList<>(leafAndMore.subList(1, leafAndMore.size()));
        for (var item : chain) {
            intermediates.addAll(Certificates.parse(item));
        }
        return new SubmittedCertificates(leafAndMore.get(0), intermediates);
    }

    ChainValidation validate(List<X509Certificate> anchors, Instant at) {
        return Certificates.validate(leaf, intermediates, anchors, Objects.requireNonNull(at, "verification time"));
    }

    String subject() {
        return leaf.getSubjectX500Principal().getName();
    }
}
