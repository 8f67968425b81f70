package io.lotabots.attestation.hardware.tpm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One TCG_PCR_EVENT2: the PCR it extends, its type, a digest per algorithm id, and its data. */
public record LogEvent(int pcrIndex, long eventType, Map<Integer, byte[]> digests, byte[] data) {

    public static final long EV_NO_ACTION = 0x3;

    public LogEvent {
        digests = Collections.unmodifiableMap(new LinkedHashMap<>(digests));
    }
}
