package io.lotabots.attestation.model.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.lotabots.attestation.model.containers.GzipStream;
import io.lotabots.attestation.model.containers.TarArchive;
import io.lotabots.attestation.model.containers.ZipArchive;
import io.lotabots.attestation.model.formats.GgufCheck;
import io.lotabots.attestation.model.formats.NumpyCheck;
import io.lotabots.attestation.model.formats.NumpyCheckTest;
import io.lotabots.attestation.model.formats.OnnxCheck;
import io.lotabots.attestation.model.formats.PickleFileCheck;
import io.lotabots.attestation.model.formats.SafetensorsCheck;
import io.lotabots.attestation.model.pickle.PickleScanner;
import io.lotabots.attestation.model.source.ByteArraySource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.testing.GgufBytes;
import io.lotabots.attestation.model.testing.MemoryModelTree;
import io.lotabots.attestation.model.testing.PickleBytes;
import io.lotabots.attestation.model.testing.Protobuf;
import io.lotabots.attestation.model.testing.Scans;
import io.lotabots.attestation.model.testing.ZipBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs for every parser, a few thousand each with fixed seeds: a parser may only end with a
 * finding ({@link MalformedModelException} or a reported rule), never another exception, and the whole scanner
 * never reports its own failure ({@code scan.internal-error}) on them.
 */
class ParserFuzzTest {

    /** {@code -Dfuzz.iterations=100000 -Dfuzz.seed=7} runs a longer or different pass by hand. */
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 2500);

    private static final long SEED = Long.getLong("fuzz.seed", 0);
    private static final ScanLimits LIMITS = new ScanLimits(4, 200, 8 << 20, 100, 100_000, 50);

    private final PickleScanner pickles = PickleScanner.standard();
    private final ContentScanner content = new ContentScanner(pickles);

    @FunctionalInterface
    interface Parser {
        void parse(ScanContext context, ByteArraySource source) throws Exception;
    }

    @Test
    void pickles() throws Exception {
        fuzz(
                "pickle",
                (c, s) -> new PickleFileCheck(pickles).check(c, s),
                PickleBytes.proto(4)
                        .str("os")
                        .memoize()
                        .str("system")
                        .memoize()
                        .binget(0)
                        .binget(1)
                        .stackGlobal()
                        .str("x")
                        .tuple1()
                        .reduce()
                        .stop()
                        .build(),
                PickleBytes.start().text("(S'x'\nios\nsystem\n.").build(),
                PickleBytes.proto(2)
                        .global("collections", "OrderedDict")
                        .op(')')
                        .reduce()
                        .op('}')
                        .op('b')
                        .stop()
                        .build(),
                model("torch-legacy/model.pt"),
                model("pickle/benign-protocol-0.pkl"),
                model("pickle/nested-bytes.pkl"));
    }

    @Test
    void safetensors() throws Exception {
        fuzz("safetensors", (c, s) -> new SafetensorsCheck().check(c, s), model("safetensors/model.safetensors"));
    }

    @Test
    void gguf() throws Exception {
        fuzz("gguf", (c, s) -> new GgufCheck().check(c, s), GgufBytes.valid().build(), model("gguf/model.gguf"));
    }

    @Test
    void onnx() throws Exception {
        fuzz(
                "onnx",
                (c, s) -> new OnnxCheck().check(c, s),
                model("onnx-inline/model.onnx"),
                Protobuf.onnxModel(Protobuf.externalTensor(new long[] {2, 3}, "location", "w.bin", "offset", "0")));
    }

    @Test
    void numpy() throws Exception {
        fuzz(
                "numpy",
                (c, s) -> new NumpyCheck(pickles).check(c, s),
                NumpyCheckTest.npy(
                        1,
                        "{'descr': [('a', '<i4'), ('b', '<f8', (2,))], 'fortran_order': False, " + "'shape': (2,), }",
                        new byte[40]),
                model("numpy/objects.npy"));
    }

    @Test
    void zips() throws Exception {
        var zip = new ZipBytes();
        zip.add("a.txt", "hello\n");
        zip.add("b.pkl", PickleBytes.proto(2).op(']').stop().build()).deflate();
        fuzz(
                "zip",
                (c, s) -> ZipArchive.open(c, s).scanMembers(java.util.Set.of()),
                zip.build(),
                model("torch-zip/model.pt"),
                model("numpy/compressed.npz"));
    }

    @Test
    void sentencePiece() throws Exception {
        fuzz(
                "sentencepiece",
                (c, s) -> io.lotabots.attestation.model.formats.SentencePieceCheck.isSentencePiece(s),
                java.util.Arrays.copyOf(model("sentencepiece/tokenizer.model"), 2000));
    }

    @Test
    void tars() throws Exception {
        fuzz("tar", (c, s) -> TarArchive.scan(c, s), model("tar/symlink.tar"));
    }

    @Test
    void gzip() throws Exception {
        fuzz("gzip", (c, s) -> GzipStream.scan(c, s), model("tar/model.tar.gz"));
    }

    @Test
    void anythingThroughTheWholeScanner() throws Exception {
        var random = new Random(42 + SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) "\u0080cPGX(}\u0093\u001f{".charAt(random.nextInt(10));
            }
            var scan = new ModelScanner(LIMITS).scan(MemoryModelTree.of("f" + (i % 7) + ".bin", bytes));
            noInternalError("whole scanner", bytes, scan.findings());
        }
    }

    private void fuzz(String name, Parser parser, byte[]... seeds) throws Exception {
        var random = new Random(name.hashCode() + SEED);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            inputs.add(i % 10 == 0 ? randomBytes(random) : mutate(random, seeds[random.nextInt(seeds.length)]));
        }
        for (byte[] input : inputs) {
            var findings = new Findings("fuzz", 50);
            var context = ScanContext.forFile("fuzz." + name, LIMITS, findings, content, null);
            try {
                parser.parse(context, new ByteArraySource(input));
            } catch (MalformedModelException expected) {
                assertEquals(true, expected.rule().contains("."), expected.rule());
            } catch (Exception | AssertionError | StackOverflowError e) {
                fail(name + " threw " + e + " on " + hex(input), e);
            }
            noInternalError(name, input, findings.list());
        }
    }

    private static void noInternalError(
            String name, byte[] input, List<io.lotabots.attestation.model.control.Finding> findings) {
        for (var f : findings) {
            if (f.rule().equals("scan.internal-error")) {
                fail(name + " failed inside on " + hex(input) + ": " + f.detail());
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One to four of: flipped bytes, boundary values written over, bytes inserted or cut, truncation. */
    private static byte[] mutate(Random random, byte[] seed) {
        byte[] out = seed.clone();
        int steps = 1 + random.nextInt(4);
        for (int s = 0; s < steps && out.length > 0; s++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(6)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> {
                    long[] values = {0, 0xFF, 0xFFFF, 0xFFFFFFFFL, -1, 0x7FFFFFFFFFFFFFFFL, 1L << 32, 65536};
                    long value = values[random.nextInt(values.length)];
                    for (int k = 0; k < 8 && at + k < out.length; k++) {
                        out[at + k] = (byte) (value >>> (8 * k));
                    }
                }
                case 3 -> out = java.util.Arrays.copyOf(out, at);
                case 4 -> {
                    byte[] insert = new byte[1 + random.nextInt(16)];
                    random.nextBytes(insert);
                    byte[] grown = new byte[out.length + insert.length];
                    System.arraycopy(out, 0, grown, 0, at);
                    System.arraycopy(insert, 0, grown, at, insert.length);
                    System.arraycopy(out, at, grown, at + insert.length, out.length - at);
                    out = grown;
                }
                default -> {
                    int length = Math.min(out.length - at, 1 + random.nextInt(32));
                    byte[] cut = new byte[out.length - length];
                    System.arraycopy(out, 0, cut, 0, at);
                    System.arraycopy(out, at + length, cut, at, out.length - at - length);
                    out = cut;
                }
            }
        }
        return out;
    }

    private static byte[] model(String relative) throws Exception {
        var path = Scans.TEST_MODELS.resolve(relative);
        if (!Files.exists(path)) {
            fail(path + " is missing: the build's generate-test-resources phase writes it");
        }
        return Files.readAllBytes(path);
    }

    private static String hex(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 96));
        return bytes.length + " bytes: " + hex + (bytes.length > 96 ? "…" : "") + " ("
                + new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.ISO_8859_1)
                        .replaceAll("\\p{Cntrl}", ".")
                + ")";
    }
}
