package io.lotabots.attestation.model.formats;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.scan.ScannedFile;
import io.lotabots.attestation.model.testing.GgufBytes;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class GgufCheckTest {

    private static ScannedFile check(GgufBytes gguf) {
        return scan("model.gguf", gguf.build());
    }

    @Test
    void aWellFormedFileIsSafe() {
        var file = check(GgufBytes.valid());

        assertEquals(ModelFormat.GGUF, file.format());
        assertSafe(file);
    }

    @Test
    void versionTwoIsReadAndOtherVersionsAreNot() {
        assertSafe(check(GgufBytes.valid().version(2)));
        for (long version : new long[] {0, 1, 4, 0x03000000L}) {
            assertRule(check(GgufBytes.valid().version(version)), "gguf.unsupported-version", ModelRisk.MALFORMED);
        }
    }

    @Test
    void keyValueRules() {
        assertRule(
                check(GgufBytes.valid().string("general.architecture", "x")),
                "gguf.duplicate-key",
                ModelRisk.MALFORMED);
        assertRule(
                check(GgufBytes.valid().kv("general.flag", 7, new byte[] {2})), "gguf.bad-bool", ModelRisk.MALFORMED);
        assertRule(check(GgufBytes.valid().kv("general.x", 13, new byte[0])), "gguf.bad-type", ModelRisk.MALFORMED);
        byte[] nested = concat(GgufBytes.le(9, 4), GgufBytes.le(0, 8));
        assertRule(check(GgufBytes.valid().kv("general.x", 9, nested)), "gguf.nested-array", ModelRisk.MALFORMED);
        assertRule(check(GgufBytes.valid().string("General.Name", "x")), "gguf.key-name", ModelRisk.SUSPICIOUS);
        byte[] badKey = concat(GgufBytes.le(2, 8), new byte[] {(byte) 0xC3, 0x28});
        assertRule(
                scan(
                        "bad.gguf",
                        replaceFirstKey(new GgufBytes().kv("", 4, new byte[4]).build(), badKey)),
                "gguf.bad-string",
                ModelRisk.MALFORMED);
        byte[] longKey = concat(GgufBytes.le(70_000, 8), new byte[70_000]);
        var builder = new GgufBytes();
        builder.kv("", 4, new byte[0]);
        byte[] bytes = builder.build();
        assertRule(scan("model.gguf", replaceFirstKey(bytes, longKey)), "gguf.string-too-long", ModelRisk.MALFORMED);
    }

    @Test
    void arraysOfFixedWidthValuesAreSkippedAndTheirLengthChecked() {
        byte[] floats = concat(concat(GgufBytes.le(6, 4), GgufBytes.le(3, 8)), new byte[12]);
        assertSafe(check(GgufBytes.valid().kv("tokenizer.ggml.scores", 9, floats)));
        byte[] huge = concat(GgufBytes.le(10, 4), GgufBytes.le(Long.MAX_VALUE / 4, 8));
        assertRule(
                check(GgufBytes.valid().kv("tokenizer.ggml.scores", 9, huge)), "gguf.bad-count", ModelRisk.MALFORMED);
    }

    @Test
    void alignmentMustBeAPowerOfTwoAndAMultipleOfEight() {
        assertSafe(check(new GgufBytes()
                .string("general.architecture", "llama")
                .u32("general.alignment", 64)
                .alignment(64)
                .tensor("a", new long[] {4}, 0, 16)));
        assertRule(
                check(new GgufBytes()
                        .string("general.architecture", "llama")
                        .u32("general.alignment", 48)
                        .alignment(48)),
                "gguf.bad-alignment",
                ModelRisk.MALFORMED);
        assertRule(
                check(new GgufBytes()
                        .string("general.architecture", "llama")
                        .u32("general.alignment", 4)
                        .alignment(4)),
                "gguf.bad-alignment",
                ModelRisk.MALFORMED);
        assertRule(
                check(new GgufBytes().string("general.architecture", "llama").string("general.alignment", "32")),
                "gguf.bad-alignment",
                ModelRisk.MALFORMED);
    }

    @Test
    void requiredKeys() {
        assertRule(
                check(new GgufBytes().tensor("a", new long[] {4}, 0, 16)),
                "gguf.missing-architecture",
                ModelRisk.MALFORMED);
        assertRule(
                check(GgufBytes.valid().tensor("q", new long[] {32}, 8, 34)),
                "gguf.missing-quantization-version",
                ModelRisk.MALFORMED);
        assertSafe(
                check(GgufBytes.valid().u32("general.quantization_version", 2).tensor("q", new long[] {32}, 8, 34)));
    }

    @Test
    void tensorInfoRules() {
        assertRule(
                check(GgufBytes.valid().tensor("a", new long[] {1}, 0, 4)),
                "gguf.duplicate-tensor",
                ModelRisk.MALFORMED);
        assertRule(
                check(GgufBytes.valid().tensor("x".repeat(64), new long[] {1}, 0, 4)),
                "gguf.tensor-name-too-long",
                ModelRisk.MALFORMED);
        assertRule(
                check(GgufBytes.valid().tensor("c", new long[] {1, 1, 1, 1, 1}, 0, 4)),
                "gguf.too-many-dimensions",
                ModelRisk.MALFORMED);
        assertRule(
                check(GgufBytes.valid().tensor("c", new long[] {-1}, 0, 4)), "gguf.bad-dimension", ModelRisk.MALFORMED);
        assertRule(
                check(GgufBytes.valid().tensor("c", new long[] {1L << 40, 1L << 40}, 0, 4)),
                "gguf.size-overflow",
                ModelRisk.MALFORMED);
        assertRule(
                check(GgufBytes.valid().tensor("c", new long[] {4}, 5, 4)),
                "gguf.unknown-tensor-type",
                ModelRisk.MALFORMED);
        assertRule(
                check(GgufBytes.valid().u32("general.quantization_version", 2).tensor("c", new long[] {33}, 8, 34)),
                "gguf.bad-row-size",
                ModelRisk.MALFORMED);
    }

    @Test
    void countsBeyondTheEntryLimitAreNotRead() {
        assertRule(check(GgufBytes.valid().tensorCount(200_000)), "gguf.too-many-entries", ModelRisk.MALFORMED);
    }

    @Test
    void tensorBytesThatOverflowAreMalformed() {
        assertRule(
                check(GgufBytes.valid().tensor("big", new long[] {1L << 31, 1L << 31}, 0, 4)),
                "gguf.size-overflow",
                ModelRisk.MALFORMED);
    }

    @Test
    void offsetsMustFollowThePaddedTensorsExactly() {
        assertRule(check(GgufBytes.valid().offset(0).offset(0)), "gguf.offset-mismatch", ModelRisk.MALFORMED);
        assertRule(check(GgufBytes.valid().offset(0).offset(40)), "gguf.offset-mismatch", ModelRisk.MALFORMED);
    }

    @Test
    void theDataMustBeInTheFileWithNothingAfterIt() {
        assertRule(check(GgufBytes.valid().cut(30)), "gguf.data-truncated", ModelRisk.MALFORMED);
        assertSafe(check(GgufBytes.valid().cut(26)));
        assertRule(check(GgufBytes.valid().trailing(new byte[] {1})), "gguf.trailing-bytes", ModelRisk.MALFORMED);
        assertRule(
                scan("model.gguf", java.util.Arrays.copyOf(GgufBytes.valid().build(), 40)),
                "gguf.truncated",
                ModelRisk.MALFORMED);
    }

    @Test
    void aChatTemplateThatReachesPythonInternalsIsUnsafe() {
        assertRule(
                check(GgufBytes.valid().string("tokenizer.chat_template", "{{ ''.__class__.__mro__[1] }}")),
                "gguf.chat-template-code",
                ModelRisk.UNSAFE);
        assertSafe(check(GgufBytes.valid()
                .string("tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}")));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** The header of a one-key file whose key (empty) is replaced by {@code key}. */
    private static byte[] replaceFirstKey(byte[] file, byte[] key) {
        var out = new ByteArrayOutputStream();
        out.write(file, 0, 24);
        out.writeBytes(key);
        out.write(file, 32, file.length - 32);
        return out.toByteArray();
    }
}
