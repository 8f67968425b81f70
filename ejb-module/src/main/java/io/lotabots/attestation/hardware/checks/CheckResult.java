package io.lotabots.attestation.hardware.checks;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * The outcome of one verification check: its stable name (e.g. {@code signature}), the outcome, the
 * reason when it failed, a sentence for people, and the inputs it looked at (for the report).
 */
public record CheckResult(String name, CheckOutcome outcome, ReasonCode reason, String detail, JsonObject inputs) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == CheckOutcome.FAILED) != (reason != null)) {
            throw new IllegalArgumentException("a failed check, and only a failed check, has a reason");
        }
        inputs = inputs == null ? JsonObject.EMPTY_JSON_OBJECT : inputs;
    }

    public static CheckResult passed(String name, String detail, JsonObject inputs) {
        return new CheckResult(name, CheckOutcome.PASSED, null, detail, inputs);
    }

    public static CheckResult failed(String name, ReasonCode reason, String detail, JsonObject inputs) {
        return new CheckResult(name, CheckOutcome.FAILED, reason, detail, inputs);
    }

    public static CheckResult skipped(String name, String detail) {
        return new CheckResult(name, CheckOutcome.SKIPPED, null, detail, null);
    }
}
