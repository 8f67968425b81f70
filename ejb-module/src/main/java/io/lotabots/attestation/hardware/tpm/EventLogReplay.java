package io.lotabots.attestation.hardware.tpm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Replays an event log: every PCR starts at zero and each event extends it, PCR = H(PCR ‖ digest).
 * EV_NO_ACTION events extend nothing, but a {@code StartupLocality} one sets PCR0's start value to
 * 0…0‖locality (a locality-3 start-up is how H-CRTM platforms begin).
 */
public final class EventLogReplay {

    static final byte[] STARTUP_LOCALITY = "StartupLocality\0".getBytes(StandardCharsets.US_ASCII);

    private final Map<PcrId, byte[]> values = new LinkedHashMap<>();
    private Integer startupLocality;

    private EventLogReplay() {}

    public static EventLogReplay of(EventLog log) {
        var replay = new EventLogReplay();
        for (var event : log.events()) {
            replay.apply(event);
        }
        return replay;
    }

    private void apply(LogEvent event) {
        if (event.eventType() == LogEvent.EV_NO_ACTION) {
            startupLocality(event).ifPresent(this::startAt);
            return;
        }
        event.digests().forEach((id, digest) -> TpmHash.ofId(id).ifPresent(bank -> {
            var pcr = new PcrId(bank, event.pcrIndex());
            values.put(pcr, bank.digest(value(pcr), digest));
        }));
    }

    private static Optional<Integer> startupLocality(LogEvent event) {
        var data = event.data();
        if (event.pcrIndex() != 0 || data.length != STARTUP_LOCALITY.length + 1) {
            return Optional.empty();
        }
        if (!Arrays.equals(Arrays.copyOf(data, STARTUP_LOCALITY.length), STARTUP_LOCALITY)) {
            return Optional.empty();
        }
        return Optional.of(data[STARTUP_LOCALITY.length] & 0xFF);
    }

    private void startAt(int locality) {
        startupLocality = locality;
        for (var bank : TpmHash.values()) {
            var pcr0 = new PcrId(bank, 0);
            if (!values.containsKey(pcr0)) {
                var start = new byte[bank.digestSize()];
                start[start.length - 1] = (byte) locality;
                values.put(pcr0, start);
            }
        }
    }

    /** The replayed value of {@code pcr}: its start value when no event extended it. */
    public byte[] value(PcrId pcr) {
        var value = values.get(pcr);
        return value != null ? value.clone() : new byte[pcr.bank().digestSize()];
    }

    public Optional<Integer> startupLocality() {
        return Optional.ofNullable(startupLocality);
    }
}
