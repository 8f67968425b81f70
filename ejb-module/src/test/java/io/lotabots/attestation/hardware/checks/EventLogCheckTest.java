package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.EventLogBuilder;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventLogCheckTest {

    private final EventLogCheck check = new EventLogCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();
    private final EventLogBuilder log = EventLogBuilder.withBanks(TpmHash.SHA1, TpmHash.SHA256)
            .startupLocality(3)
            .measure(0, "crtm")
            .measure(4, "grub")
            .measure(7, "secure boot");

    /** The quote's PCRs as the log's replay says they are. */
    private void quotePcrsOf(EventLogBuilder builder) {
        for (int i = 0; i < 8; i++) {
            quote.pcrValues.set(i, builder.pcr(TpmHash.SHA256, i));
        }
        quote.eventLog = builder.build();
    }

    @Test
    void aLogReplayingToTheQuotedPcrsPasses() {
        quotePcrsOf(log);

        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void noLogIsSkippedUnlessThePolicyRequiresOne() {
        assertSkipped(run(check, quote, Inputs.permissive()));

        var strict = Inputs.permissive();
        strict.eventLogRequired = true;
        assertFailed(run(check, quote, strict), ReasonCode.EVENTLOG_MALFORMED, "requires an event log");
    }

    @Test
    void anUnreadableLogFails() {
        quotePcrsOf(log);
        quote.eventLog = Arrays.copyOf(quote.eventLog, quote.eventLog.length - 1);

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.EVENTLOG_MALFORMED, "TCG event log: event 4");
    }

    @Test
    void aLogWithAnEventTheTpmNeverSawFails() {
        quotePcrsOf(log);
        quote.eventLog = EventLogBuilder.withBanks(TpmHash.SHA1, TpmHash.SHA256)
                .startupLocality(3)
                .measure(0, "crtm")
                .measure(4, "evil grub")
                .measure(7, "secure boot")
                .build();

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.EVENTLOG_REPLAY_MISMATCH, "quoted sha256:4");
    }

    @Test
    void aLogWithoutTheStartupLocalityFailsOnPcrZero() {
        quotePcrsOf(log);
        quote.eventLog = EventLogBuilder.withBanks(TpmHash.SHA1, TpmHash.SHA256)
                .measure(0, "crtm")
                .measure(4, "grub")
                .measure(7, "secure boot")
                .build();

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.EVENTLOG_REPLAY_MISMATCH, "quoted sha256:0");
    }

    @Test
    void aLogOfNoQuotedBankFails() {
        quote.eventLog =
                EventLogBuilder.withBanks(TpmHash.SHA384).measure(0, "crtm").build();

        assertFailed(
                run(check, quote, Inputs.permissive()),
                ReasonCode.EVENTLOG_REPLAY_MISMATCH,
                "records none of the quoted banks");
    }
}
