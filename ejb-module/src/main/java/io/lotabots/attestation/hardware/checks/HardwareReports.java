package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.policy.HardwarePolicy;
import io.lotabots.platform.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;
import java.util.TreeMap;

/** The JSON forms of a verifier's report: the summary kept in the row, and the full report kept in S3. */
public final class HardwareReports {

    private HardwareReports() {}

    /** One entry per check: name, outcome, and reason and detail where there are any. */
    public static JsonArray checkSummaries(HardwareReport report) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        report.checks().forEach(c -> checks.add(summary(c)));
        return checks.build();
    }

    /** Every check with its inputs, the reasons, the claims, and what the verifier was given besides the evidence. */
    public static JsonObject document(HardwareReport report, VerificationInputs inputs) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        report.checks().forEach(c -> checks.add(summary(c).add("inputs", c.inputs())));
        JsonArrayBuilder reasons = Json.createArrayBuilder();
        report.reasons().forEach(r -> reasons.add(r.name()));
        var doc = Json.createObjectBuilder()
                .add("outcome", report.affirming() ? "affirming" : "contraindicated")
                .add("reasons", reasons)
                .add("checks", checks)
                .add("claims", report.claims() == null ? JsonObject.EMPTY_JSON_OBJECT : report.claims())
                .add("inputs", inputs(inputs));
        if (report.verifiedClock() != null) {
            doc.add(
                    "verifiedClock",
                    Json.createObjectBuilder()
                            .add("clock", report.verifiedClock().clock())
                            .add("resetCount", report.verifiedClock().resetCount())
                            .add("restartCount", report.verifiedClock().restartCount()));
        }
        return doc.build();
    }

    private static JsonObjectBuilder summary(CheckResult c) {
        var entry = Json.createObjectBuilder()
                .add("name", c.name())
                .add("outcome", c.outcome().name());
        if (c.reason() != null) {
            entry.add("reason", c.reason().name());
        }
        if (c.detail() != null) {
            entry.add("detail", c.detail());
        }
        return entry;
    }

    private static JsonObject inputs(VerificationInputs inputs) {
        HardwarePolicy p = inputs.policy();
        var references = Json.createObjectBuilder();
        new TreeMap<>(p.referenceValues())
                .forEach((pcr, digests) -> references.add(
                        pcr, Json.createArrayBuilder(digests.stream().sorted().toList())));
        var policy = Json.createObjectBuilder()
                .add("name", p.name())
                .add("version", p.version())
                .add("pcrSelection", p.pcrSelection() == null ? "" : p.pcrSelection())
                .add("referenceValues", references)
                .add("eventLogRequired", p.eventLogRequired())
                .add("enrolledDeviceRequired", p.enrolledDeviceRequired())
                .add("trustedAkCas", p.trustedAkCas().size())
                .add("trustedEkCas", p.trustedEkCas().size());
        var result = Json.createObjectBuilder()
                .add("policy", policy)
                .add("nonceStatus", inputs.nonceStatus().name())
                .add("deviceNamed", inputs.deviceNamed())
                .add("verifiedAt", inputs.now().toString());
        if (inputs.device() != null) {
            var d = inputs.device();
            result.add(
                    "device",
                    Json.createObjectBuilder()
                            .add("id", d.id().toString())
                            .add("active", d.active())
                            .add(
                                    "akName",
                                    d.akName() == null
                                            ? ""
                                            : Base64.getEncoder().encodeToString(d.akName())));
        }
        return result.build();
    }
}
