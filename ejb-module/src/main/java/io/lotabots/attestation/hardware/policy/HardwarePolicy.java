package io.lotabots.attestation.hardware.policy;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of a tenant's hardware attestation policy, as the verifier applies it.
 *
 * @param pcrSelection the selection every quote must carry, tpm2-tools syntax ({@code sha256:0,1,2+sha1:7})
 * @param referenceValues allowed digests (lower-case hex) per PCR, keyed {@code bank:index}
 *     ({@code sha256:7}); a PCR without an entry may hold any value
 * @param trustedAkCas when non-empty, an AK certificate chaining to one of them is required
 * @param trustedEkCas when non-empty, an EK certificate chaining to one of them is required
 */
public record HardwarePolicy(
        String name,
        int version,
        String pcrSelection,
        Map<String, Set<String>> referenceValues,
        boolean eventLogRequired,
        List<X509Certificate> trustedAkCas,
        List<X509Certificate> trustedEkCas,
        boolean enrolledDeviceRequired) {

    /** The policy every tenant has, used when a submission names none. */
    public static final String DEFAULT_NAME = io.lotabots.attestation.policy.PolicyNames.DEFAULT;

    public HardwarePolicy {
        referenceValues = Map.copyOf(referenceValues);
        trustedAkCas = List.copyOf(trustedAkCas);
        trustedEkCas = List.copyOf(trustedEkCas);
    }
}
