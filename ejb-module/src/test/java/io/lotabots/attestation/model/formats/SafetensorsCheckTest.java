package io.lotabots.attestation.model.formats;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.scan.ScannedFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafetensorsCheckTest {

    /** A file with header {@code json} (padded with spaces to 8 bytes) followed by {@code data} bytes. */
    static byte[] file(String json, int data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        var out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(padded)
                .array());
        out.writeBytes(header);
        out.writeBytes(" ".repeat(padded - header.length).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[data]);
        return out.toByteArray();
    }

    static byte[] raw(long declared, byte[] header, int data) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(declared)
                .array());
        out.writeBytes(header);
        out.writeBytes(new byte[data]);
        return out.toByteArray();
    }

    private static ScannedFile check(byte[] bytes) {
        return scan("model.safetensors", bytes);
    }

    @Test
    void aWellFormedFileIsSafe() {
        var file = check(file(
                "{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[24,28]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                        + "\"e\":{\"dtype\":\"I64\",\"shape\":[0],\"data_offsets\":[28,28]},"
                        + "\"s\":{\"dtype\":\"U8\",\"shape\":[],\"data_offsets\":[28,29]},"
                        + "\"q\":{\"dtype\":\"F4\",\"shape\":[2],\"data_offsets\":[29,30]}}",
                30));

        assertEquals(ModelFormat.SAFETENSORS, file.format());
        assertSafe(file);
    }

    @Test
    void anEmptyTensorSetWithNothingAfterTheHeaderIsSafe() {
        assertSafe(check(file("{}", 0)));
    }

    @Test
    void headerLengthRules() {
        assertRule(check(new byte[] {1, 0, 0, 0, 0}), "safetensors.header-too-small", ModelRisk.MALFORMED);
        assertRule(
                check(raw(100_000_001L, "{".getBytes(StandardCharsets.US_ASCII), 2)),
                "safetensors.header-too-large",
                ModelRisk.MALFORMED);
        assertRule(
                check(raw(-1L, "{}".getBytes(StandardCharsets.US_ASCII), 0)),
                "safetensors.header-too-large",
                ModelRisk.MALFORMED);
        assertRule(
                check(raw(64, "{}".getBytes(StandardCharsets.US_ASCII), 0)),
                "safetensors.invalid-header-length",
                ModelRisk.MALFORMED);
    }

    @Test
    void headerTextRules() {
        assertRule(
                check(raw(4, new byte[] {'{', (byte) 0xC3, 0x28, '}'}, 0)),
                "safetensors.header-not-utf8",
                ModelRisk.MALFORMED);
        assertRule(check(file("{\"a\":", 0)), "safetensors.header-not-json", ModelRisk.MALFORMED);
        assertRule(check(file("{} {}", 0)), "safetensors.header-not-json", ModelRisk.MALFORMED);
        assertRule(
                check(raw(4, " {} ".getBytes(StandardCharsets.US_ASCII), 0)),
                "safetensors.header-start",
                ModelRisk.MALFORMED);
        assertRule(
                check(raw(8, "{}\n     ".getBytes(StandardCharsets.US_ASCII), 0)),
                "safetensors.header-padding",
                ModelRisk.MALFORMED);
    }

    @Test
    void entryRules() {
        String ok = "\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]";
        assertRule(
                check(file("{\"a\":{" + ok + "},\"a\":{" + ok + "}}", 4)),
                "safetensors.duplicate-key",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F31\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4)),
                "safetensors.unknown-dtype",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4)),
                "safetensors.bad-shape",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}", 4)),
                "safetensors.bad-shape",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", 4)),
                "safetensors.bad-offsets",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4)),
                "safetensors.tensor-info-incomplete",
                ModelRisk.MALFORMED);
        assertRule(check(file("{\"a\":[1,2]}", 0)), "safetensors.tensor-info-not-object", ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{" + ok + ",\"extra\":1}}", 4)), "safetensors.unknown-field", ModelRisk.SUSPICIOUS);
        assertRule(
                check(file("{\"__metadata__\":{\"k\":1}}", 0)),
                "safetensors.metadata-not-string-map",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"__metadata__\":[\"k\"]}", 0)),
                "safetensors.metadata-not-string-map",
                ModelRisk.MALFORMED);
        assertRule(check(file("[]", 0)), "safetensors.header-start", ModelRisk.MALFORMED);
    }

    @Test
    void offsetRules() {
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8)),
                "safetensors.offsets-not-contiguous",
                ModelRisk.MALFORMED);
        assertRule(
                check(file(
                        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                        8)),
                "safetensors.offsets-not-contiguous",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}", 8)),
                "safetensors.offsets-not-contiguous",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4)),
                "safetensors.tensor-size-mismatch",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,2]}}", 2)),
                "safetensors.misaligned-slice",
                ModelRisk.MALFORMED);
        assertRule(
                check(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,0]}}", 0)),
                "safetensors.size-overflow",
                ModelRisk.MALFORMED);
    }

    @Test
    void moreTensorsThanTheEntryLimitAreNotRead() {
        var json = new StringBuilder("{");
        for (int i = 0; i < 12; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("\"t")
                    .append(i)
                    .append("\":{\"dtype\":\"U8\",\"shape\":[1],")
                    .append("\"data_offsets\":[")
                    .append(i)
                    .append(',')
                    .append(i + 1)
                    .append("]}");
        }
        var limits = new io.lotabots.attestation.model.scan.ScanLimits(6, 10, 1 << 20, 100, 10_000, 100);

        assertRule(
                io.lotabots.attestation.model.testing.Scans.scan("m.safetensors", file(json + "}", 12), limits),
                "safetensors.too-many-tensors",
                ModelRisk.MALFORMED);
    }

    @Test
    void theBufferMustEndExactlyWhereTheLastTensorEnds() {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertRule(check(file(header, 5)), "safetensors.incomplete-buffer", ModelRisk.MALFORMED);
        assertRule(check(file(header, 3)), "safetensors.incomplete-buffer", ModelRisk.MALFORMED);
        assertSafe(check(file(header, 4)));
    }

    @Test
    void aMultiGigabyteFileIsJudgedByItsHeaderAndSizeWithoutReadingTheTensors() {
        long size = 6L << 30;
        String json = "{\"w\":{\"dtype\":\"BF16\",\"shape\":[3221225472],\"data_offsets\":[0," + (size) + "]}}";
        byte[] head = file(json, 0);
        var source = new io.lotabots.attestation.model.source.ByteSource() {
            @Override
            public long size() {
                return head.length + size;
            }

            @Override
            public java.io.InputStream open(long start, long end) {
                var known = new java.io.ByteArrayInputStream(
                        head, (int) start, (int) Math.max(0, Math.min(end, head.length) - start));
                var beyond = new java.io.InputStream() {
                    @Override
                    public int read() {
                        throw new AssertionError("a tensor byte was read");
                    }
                };
                return new java.io.SequenceInputStream(known, beyond);
            }
        };
        var findings = new io.lotabots.attestation.model.scan.Findings("big.safetensors", 100);
        var context = io.lotabots.attestation.model.scan.ScanContext.forFile(
                "big.safetensors",
                io.lotabots.attestation.model.scan.ScanLimits.defaults(),
                findings,
                (c, s) -> ModelFormat.UNKNOWN,
                null);

        new SafetensorsCheck().check(context, source);

        assertEquals(java.util.List.of(), findings.list());
    }
}
