package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.EventLog;
import io.lotabots.attestation.hardware.tpm.EventLogReplay;
import io.lotabots.attestation.hardware.tpm.PcrSelection;
import io.lotabots.attestation.hardware.tpm.PcrValues;
import io.lotabots.platform.json.Json;
import java.security.MessageDigest;
import java.util.ArrayList;

/**
 * The event log parses and its replay yields the quoted PCR values, for every quoted PCR in a bank
 * the log records. Runs when a log was sent; a policy that requires a log fails evidence without one.
 */
public final class EventLogCheck implements EvidenceCheck {

    public static final String NAME = "eventLog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        if (evidence.submitted().eventLog() == null) {
            if (evidence.inputs().policy().eventLogRequired()) {
                return CheckResult.failed(
                        NAME,
                        ReasonCode.EVENTLOG_MALFORMED,
                        "the policy requires an event log and none was sent",
                        null);
            }
            return CheckResult.skipped(NAME, "no event log was sent and the policy does not require one");
        }
        if (evidence.eventLogProblem().isPresent()) {
            return CheckResult.failed(
                    NAME,
                    ReasonCode.EVENTLOG_MALFORMED,
                    evidence.eventLogProblem().get(),
                    null);
        }
        var quoteInfo = evidence.quoteInfo();
        var pcrs = evidence.pcrs();
        if (quoteInfo.isEmpty() || pcrs.isEmpty()) {
            return CheckResult.skipped(NAME, "the quote or the PCR file is missing or did not parse");
        }
        return compare(evidence.eventLog().get(), quoteInfo.get().selection(), pcrs.get());
    }

    private static CheckResult compare(EventLog log, PcrSelection quoted, PcrValues pcrs) {
        var replay = EventLogReplay.of(log);
        var replayed = Json.createObjectBuilder();
        var mismatches = new ArrayList<String>();
        int compared = 0;
        for (var pcr : quoted.pcrs()) {
            boolean logged = log.algorithms().stream()
                    .anyMatch(a -> a.algorithmId() == pcr.bank().algorithmId());
            var value = pcrs.value(pcr);
            if (!logged || value.isEmpty()) {
                continue;
            }
            compared++;
            var expected = replay.value(pcr);
            replayed.add(pcr.toString(), Hex.of(expected));
            if (!MessageDigest.isEqual(expected, value.get())) {
                mismatches.add(pcr.toString());
            }
        }
        var inputs = Json.createObjectBuilder()
                .add("events", log.events().size())
                .add("replayed", replayed)
                .add("mismatched", Json.createArrayBuilder(mismatches))
                .build();
        if (compared == 0) {
            return CheckResult.failed(
                    NAME,
                    ReasonCode.EVENTLOG_REPLAY_MISMATCH,
                    "the event log records none of the quoted banks " + quoted,
                    inputs);
        }
        if (mismatches.isEmpty()) {
            return CheckResult.passed(
                    NAME, "replaying " + log.events().size() + " events yields the quoted PCRs", inputs);
        }
        return CheckResult.failed(
                NAME,
                ReasonCode.EVENTLOG_REPLAY_MISMATCH,
                "replaying the event log does not yield the quoted " + String.join(", ", mismatches),
                inputs);
    }
}
