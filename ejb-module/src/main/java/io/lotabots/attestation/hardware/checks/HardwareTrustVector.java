package io.lotabots.attestation.hardware.checks;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AR4SI trustworthiness vector (draft-ietf-rats-ar4si) of a hardware appraisal, for the EAR
 * token: each claim takes the value of the first of its reason codes that the report carries, else
 * its affirming value when the appraisal could establish it, else 0 (no claim). Freshness (the
 * nonce reasons) has no AR4SI claim; those reasons reach the token through the status and
 * {@code lotabots.reasons}. The table is in docs/architecture.md, "Hardware attestation".
 */
public final class HardwareTrustVector {

    public static final int NO_CLAIM = 0;
    public static final int UNEXPECTED_EVIDENCE = 1;
    public static final int AFFIRMING = 2;
    public static final int APPROVED_BOOT = 3;
    public static final int UNSAFE = 32;
    public static final int UNRECOGNIZED_RUNTIME = 33;
    public static final int CONTRAINDICATED = 96;
    public static final int UNRECOGNIZED = 97;
    public static final int CRYPTO_VALIDATION_FAILED = 99;

    /** Per claim, the reasons that set it, in order of precedence. */
    private static final Map<String, List<Map.Entry<ReasonCode, Integer>>> REFUSALS = Map.of(
            "instance-identity",
            List.of(
                    Map.entry(ReasonCode.MALFORMED_EVIDENCE, UNEXPECTED_EVIDENCE),
                    Map.entry(ReasonCode.BAD_MAGIC, UNEXPECTED_EVIDENCE),
                    Map.entry(ReasonCode.WRONG_ATTEST_TYPE, UNEXPECTED_EVIDENCE),
                    Map.entry(ReasonCode.SIGNATURE_INVALID, CRYPTO_VALIDATION_FAILED),
                    Map.entry(ReasonCode.DEVICE_NOT_ENROLLED, UNRECOGNIZED),
                    Map.entry(ReasonCode.AK_CERT_MISMATCH, UNRECOGNIZED),
                    Map.entry(ReasonCode.AK_CERT_UNTRUSTED, UNRECOGNIZED)),
            "hardware",
            List.of(
                    Map.entry(ReasonCode.CLOCK_REGRESSION, CONTRAINDICATED),
                    Map.entry(ReasonCode.EK_CERT_UNTRUSTED, UNRECOGNIZED),
                    Map.entry(ReasonCode.AK_ATTRIBUTES_INVALID, UNSAFE)),
            "executables",
            List.of(
                    Map.entry(ReasonCode.PCR_DIGEST_MISMATCH, CRYPTO_VALIDATION_FAILED),
                    Map.entry(ReasonCode.EVENTLOG_REPLAY_MISMATCH, CONTRAINDICATED),
                    Map.entry(ReasonCode.PCR_POLICY_VIOLATION, UNRECOGNIZED_RUNTIME),
                    Map.entry(ReasonCode.EVENTLOG_MALFORMED, UNEXPECTED_EVIDENCE)),
            "configuration",
            List.of(Map.entry(ReasonCode.PCR_SELECTION_MISMATCH, CONTRAINDICATED)));

    private static final List<String> ORDER = List.of("instance-identity", "configuration", "executables", "hardware");

    private HardwareTrustVector() {}

    /**
     * @param identityEstablished the quote's signature verified against the AK
     * @param hardwareEstablished the AK is bound to a genuine TPM: an activated enrolled device, or an
     *     EK/AK certificate checked against the policy's trusted CAs
     * @param bootEstablished the policy holds reference values for the quoted PCRs
     */
    public static JsonObject of(
            List<ReasonCode> reasons,
            boolean identityEstablished,
            boolean hardwareEstablished,
            boolean bootEstablished) {
        Set<ReasonCode> found = Set.copyOf(reasons);
        Map<String, Integer> affirmed = Map.of(
                "instance-identity", identityEstablished ? AFFIRMING : NO_CLAIM,
                "hardware", hardwareEstablished ? AFFIRMING : NO_CLAIM,
                "executables", bootEstablished ? APPROVED_BOOT : NO_CLAIM,
                "configuration", bootEstablished ? AFFIRMING : NO_CLAIM);
        JsonObjectBuilder vector = Json.createObjectBuilder();
        for (String claim : ORDER) {
            int value = REFUSALS.get(claim).stream()
                    .filter(r -> found.contains(r.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(affirmed.get(claim));
            vector.add(claim, value);
        }
        return vector.build();
    }
}
