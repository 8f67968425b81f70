package io.lotabots.attestation.model.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** Runs the verifier over test folders and states what a result must say. */
final class Verifications {

    private Verifications() {}

    static SignatureVerification verify(Path folder, SignatureTrust trust) {
        return verify(new FolderModelTree(folder), trust, SignatureOptions.DEFAULTS, TestCertificateAuthority.NOW);
    }

    static SignatureVerification verify(Path folder, SignatureTrust trust, SignatureOptions options) {
        return verify(new FolderModelTree(folder), trust, options, TestCertificateAuthority.NOW);
    }

    static SignatureVerification verify(
            FolderModelTree tree, SignatureTrust trust, SignatureOptions options, Instant at) {
        try {
            return new ModelSignatureVerifier(Clock.fixed(at, ZoneOffset.UTC))
                    .verify(tree, "model.sig", trust, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SignatureTrust trustingKeys(java.security.PublicKey... keys) {
        return new SignatureTrust(List.of(keys), List.of());
    }

    static void assertValid(SignatureVerification result) {
        assertEquals(SignatureStatus.VALID, result.status(), () -> "findings: " + describe(result.findings()));
        assertTrue(
                result.findings().stream().allMatch(f -> f.severity() == ModelRisk.SAFE),
                () -> describe(result.findings()));
    }

    /** The result has the status and, among its findings, one of the rule naming the file. */
    static Finding assertRejected(SignatureVerification result, SignatureStatus status, String rule, String file) {
        assertEquals(status, result.status(), () -> "findings: " + describe(result.findings()));
        assertNull(result.rootDigest(), "a root digest only for a valid signature");
        Finding finding = result.findings().stream()
                .filter(f -> f.rule().equals(rule) && f.file().equals(file))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + rule + " finding for " + file + " among " + describe(result.findings())));
        assertEquals(status == SignatureStatus.INVALID ? ModelRisk.SUSPICIOUS : ModelRisk.SAFE, finding.severity());
        return finding;
    }

    static String describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.file() + " " + f.rule() + (f.offset() == null ? "" : "@" + f.offset()) + ": " + f.detail())
                .collect(Collectors.joining("; ", "[", "]"));
    }
}
