package io.lotabots.attestation.hardware.tpm;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a crypto-agile TCG event log the way firmware writes one, and keeps the PCR values a
 * correct replay must reach (computed here independently of {@link EventLogReplay}).
 */
public final class EventLogBuilder {

    public static final long EV_POST_CODE = 0x1;
    public static final long EV_SEPARATOR = 0x4;
    public static final long EV_S_CRTM_VERSION = 0x8;
    public static final long EV_EFI_BOOT_SERVICES_APPLICATION = 0x80000003L;

    private final List<TpmHash> banks;
    private final LittleEndianBytes events = LittleEndianBytes.bytes();
    private final Map<String, byte[]> pcrs = new LinkedHashMap<>();
    private int count;

    private EventLogBuilder(List<TpmHash> banks) {
        this.banks = List.copyOf(banks);
    }

    public static EventLogBuilder withBanks(TpmHash... banks) {
        return new EventLogBuilder(List.of(banks));
    }

    /** The Spec ID Event03 header record for the builder's banks. */
    public static byte[] header(List<TpmHash> banks) {
        var spec = LittleEndianBytes.bytes()
                .raw("Spec ID Event03\0".getBytes(StandardCharsets.US_ASCII))
                .u32(0)
                .u8(0)
                .u8(2)
                .u8(0)
                .u8(2)
                .u32(banks.size());
        banks.forEach(bank -> spec.u16(bank.algorithmId()).u16(bank.digestSize()));
        spec.u8(0);
        var body = spec.build();
        return LittleEndianBytes.bytes()
                .u32(0)
                .u32(3)
                .zeros(20)
                .u32(body.length)
                .raw(body)
                .build();
    }

    /** An event whose digests are the hashes of its data, extending {@code pcr} in every bank. */
    public EventLogBuilder measure(int pcr, long type, byte[] data) {
        events.u32(pcr).u32(type).u32(banks.size());
        for (var bank : banks) {
            var digest = bank.digest(data);
            events.u16(bank.algorithmId()).raw(digest);
            var key = bank.bankName() + ":" + pcr;
            pcrs.put(key, bank.digest(pcrs.getOrDefault(key, new byte[bank.digestSize()]), digest));
        }
        events.u32(data.length).raw(data);
        count++;
        return this;
    }

    public EventLogBuilder measure(int pcr, String data) {
        return measure(pcr, EV_POST_CODE, data.getBytes(StandardCharsets.UTF_8));
    }

    /** An EV_NO_ACTION StartupLocality event: PCR0 starts at 0…0‖locality. Must come first. */
    public EventLogBuilder startupLocality(int locality) {
        var data = LittleEndianBytes.bytes()
                .raw("StartupLocality\0".getBytes(StandardCharsets.US_ASCII))
                .u8(locality)
                .build();
        events.u32(0).u32(3).u32(banks.size());
        banks.forEach(bank -> events.u16(bank.algorithmId()).zeros(bank.digestSize()));
        events.u32(data.length).raw(data);
        for (var bank : banks) {
            var start = new byte[bank.digestSize()];
            start[start.length - 1] = (byte) locality;
            pcrs.put(bank.bankName() + ":0", start);
        }
        count++;
        return this;
    }

    /** The value a correct replay reaches for {@code bank:index}. */
    public byte[] pcr(TpmHash bank, int index) {
        return pcrs.getOrDefault(bank.bankName() + ":" + index, new byte[bank.digestSize()])
                .clone();
    }

    public int eventCount() {
        return count;
    }

    public byte[] build() {
        return LittleEndianBytes.bytes().raw(header(banks)).raw(events.build()).build();
    }
}
