package io.lotabots.attestation.hardware.tpm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A TCG PC Client crypto-agile event log (little-endian, as in {@code binary_bios_measurements}):
 * the SHA-1-format first record holding the Spec ID Event03 header, then TCG_PCR_EVENT2 records
 * whose digests the header's algorithm list sizes. Every length is checked before it is read.
 */
public record EventLog(List<LogDigestAlgorithm> algorithms, List<LogEvent> events) {

    static final byte[] SPEC_ID_SIGNATURE = "Spec ID Event03\0".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_ALGORITHMS = 16;
    static final int MAX_DIGEST_SIZE = 64;

    public EventLog {
        algorithms = List.copyOf(algorithms);
        events = List.copyOf(events);
    }

    public static EventLog parse(byte[] bytes) {
        var reader = new LittleEndianReader("TCG event log", bytes);
        var algorithms = readHeader(reader);
        var events = new ArrayList<LogEvent>();
        while (reader.remaining() > 0) {
            events.add(readEvent(reader, algorithms, events.size() + 1));
        }
        return new EventLog(algorithms, events);
    }

    private static List<LogDigestAlgorithm> readHeader(LittleEndianReader reader) {
        reader.u32("header pcrIndex");
        long eventType = reader.u32("header eventType");
        if (eventType != LogEvent.EV_NO_ACTION) {
            throw reader.malformed("first event has type 0x" + Long.toHexString(eventType) + ", not EV_NO_ACTION");
        }
        reader.skip("header digest", 20);
        long size = reader.u32("header eventSize");
        var spec = new LittleEndianReader("TCG_EfiSpecIdEvent", reader.bytes("header event", size));
        if (!Arrays.equals(spec.bytes("signature", 16), SPEC_ID_SIGNATURE)) {
            throw spec.malformed("signature is not \"Spec ID Event03\" (not a crypto-agile log)");
        }
        spec.u32("platformClass");
        spec.u8("specVersionMinor");
        int major = spec.u8("specVersionMajor");
        if (major != 2) {
            throw spec.malformed("specVersionMajor is " + major + ", not 2");
        }
        spec.u8("specErrata");
        spec.u8("uintnSize");
        long count = spec.u32("numberOfAlgorithms");
        if (count < 1 || count > MAX_ALGORITHMS) {
            throw spec.malformed("numberOfAlgorithms " + count + " is not within 1.." + MAX_ALGORITHMS);
        }
        var algorithms = new ArrayList<LogDigestAlgorithm>();
        var ids = new HashSet<Integer>();
        for (int i = 0; i < count; i++) {
            int id = spec.u16("digestSizes[" + i + "].algorithmId");
            int digestSize = spec.u16("digestSizes[" + i + "].digestSize");
            var algorithm = new LogDigestAlgorithm(id, digestSize);
            if (!ids.add(id)) {
                throw spec.malformed("algorithm 0x" + Integer.toHexString(id) + " is listed twice");
            }
            if (digestSize == 0 || digestSize > MAX_DIGEST_SIZE) {
                throw spec.malformed("digestSizes[" + i + "].digestSize " + digestSize + " is not within 1..64");
            }
            if (algorithm.known().filter(a -> a.digestSize() != digestSize).isPresent()) {
                throw spec.malformed("digestSizes[" + i + "] gives " + digestSize + " bytes for "
                        + algorithm.known().get().bankName());
            }
            algorithms.add(algorithm);
        }
        int vendorInfoSize = spec.u8("vendorInfoSize");
        spec.skip("vendorInfo", vendorInfoSize);
        spec.requireEnd();
        return algorithms;
    }

    private static LogEvent readEvent(LittleEndianReader reader, List<LogDigestAlgorithm> algorithms, int number) {
        String event = "event " + number;
        long pcrIndex = reader.u32(event + " pcrIndex");
        if (pcrIndex >= PcrSelection.PCR_COUNT) {
            throw reader.malformed(event + " extends PCR " + pcrIndex + ", not 0-23");
        }
        long eventType = reader.u32(event + " eventType");
        long count = reader.u32(event + " digestCount");
        if (count != algorithms.size()) {
            throw reader.malformed(event + " digestCount " + count + " differs from the header's " + algorithms.size()
                    + " algorithms");
        }
        var digests = new LinkedHashMap<Integer, byte[]>();
        for (int i = 0; i < count; i++) {
            int id = reader.u16(event + " digests[" + i + "].hashAlg");
            var algorithm = algorithms.stream()
                    .filter(a -> a.algorithmId() == id)
                    .findFirst()
                    .orElseThrow(() -> reader.malformed(
                            event + " has a digest of algorithm 0x" + Integer.toHexString(id) + ", not in the header"));
            if (digests.put(id, reader.bytes(event + " digests[" + i + "]", algorithm.digestSize())) != null) {
                throw reader.malformed(event + " has two digests of algorithm 0x" + Integer.toHexString(id));
            }
        }
        long size = reader.u32(event + " eventSize");
        return new LogEvent((int) pcrIndex, eventType, digests, reader.bytes(event + " event", size));
    }
}
