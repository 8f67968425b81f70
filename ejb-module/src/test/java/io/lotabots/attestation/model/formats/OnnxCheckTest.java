package io.lotabots.attestation.model.formats;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.scan.ModelScan;
import io.lotabots.attestation.model.testing.MemoryModelTree;
import io.lotabots.attestation.model.testing.Protobuf;
import io.lotabots.attestation.model.testing.Scans;
import org.junit.jupiter.api.Test;

class OnnxCheckTest {

    private static final long[] DIMS = {2, 3};

    private static ModelScan model(Protobuf tensor, String dataPath, int dataBytes) {
        var tree = MemoryModelTree.of("onnx/model.onnx", Protobuf.onnxModel(tensor));
        if (dataPath != null) {
            tree.with(dataPath, new byte[dataBytes]);
        }
        return Scans.scan(tree);
    }

    @Test
    void inlineRawDataOfTheRightLengthIsSafe() {
        var tensor = Protobuf.message()
                .varint(1, 2)
                .varint(1, 3)
                .varint(2, 1)
                .string(8, "w")
                .bytes(9, new byte[24]);

        var file = scan("m.onnx", Protobuf.onnxModel(tensor));

        assertEquals(ModelFormat.ONNX, file.format());
        assertSafe(file);
    }

    @Test
    void packedDimsAreRead() {
        var tensor = Protobuf.message().bytes(1, new byte[] {2, 3}).varint(2, 1).bytes(9, new byte[24]);

        assertSafe(scan("m.onnx", Protobuf.onnxModel(tensor)));
    }

    @Test
    void inlineDataOfTheWrongLengthIsMalformed() {
        var tensor = Protobuf.message().varint(1, 2).varint(1, 3).varint(2, 1).bytes(9, new byte[20]);

        assertRule(scan("m.onnx", Protobuf.onnxModel(tensor)), "onnx.tensor-size", ModelRisk.MALFORMED);
    }

    @Test
    void externalDataInsideTheModelIsSafeAndItsFileIsExternalData() {
        var scan = model(
                Protobuf.externalTensor(DIMS, "location", "weights.bin", "offset", "0", "length", "24"),
                "onnx/weights.bin",
                24);

        assertEquals(ModelRisk.SAFE, scan.risk(), () -> Scans.describe(scan.findings()));
        assertEquals(
                ModelFormat.ONNX_EXTERNAL_DATA, scan.file("onnx/weights.bin").format());
    }

    @Test
    void externalDataOutsideTheModelIsUnsafe() {
        for (String location : new String[] {"../secret", "/etc/passwd", "a/../../b", "..\\x", "C:\\x", "sub\\w.bin"}) {
            var scan = model(Protobuf.externalTensor(DIMS, "location", location), null, 0);
            assertEquals(
                    "onnx.external-data-outside-model",
                    Scans.finding(scan, "onnx.external-data-outside-model").rule());
            assertEquals(ModelRisk.UNSAFE, scan.risk(), location);
        }
    }

    @Test
    void externalDataThatIsNotAFileOfTheModelIsMalformed() {
        var scan = model(Protobuf.externalTensor(DIMS, "location", "absent.bin"), null, 0);

        assertEquals(
                ModelRisk.MALFORMED,
                Scans.finding(scan, "onnx.external-data-missing").severity());
    }

    @Test
    void externalDataThroughASymlinkIsUnsafe() {
        var tree = MemoryModelTree.of(
                        "onnx/model.onnx", Protobuf.onnxModel(Protobuf.externalTensor(DIMS, "location", "w.bin")))
                .withLink("onnx/w.bin", "/etc/passwd");

        var scan = Scans.scan(tree);

        assertEquals(
                ModelRisk.UNSAFE,
                Scans.finding(scan, "onnx.external-data-symlink").severity());
    }

    @Test
    void externalDataBeyondTheFileIsMalformed() {
        var scan = model(
                Protobuf.externalTensor(DIMS, "location", "w.bin", "offset", "8", "length", "24"), "onnx/w.bin", 24);

        assertEquals(
                ModelRisk.MALFORMED,
                Scans.finding(scan, "onnx.external-data-out-of-range").severity());
    }

    @Test
    void externalDataOfTheWrongLengthIsMalformed() {
        var scan = model(Protobuf.externalTensor(DIMS, "location", "w.bin"), "onnx/w.bin", 28);

        assertEquals(
                ModelRisk.MALFORMED, Scans.finding(scan, "onnx.tensor-size").severity());
    }

    @Test
    void badExternalDataFieldsAreMalformed() {
        assertEquals(
                ModelRisk.MALFORMED,
                Scans.finding(
                                model(Protobuf.externalTensor(DIMS, "offset", "0"), null, 0),
                                "onnx.external-data-bad-field")
                        .severity());
        assertEquals(
                ModelRisk.MALFORMED,
                Scans.finding(
                                model(
                                        Protobuf.externalTensor(DIMS, "location", "w.bin", "offset", "-1"),
                                        "onnx/w.bin",
                                        24),
                                "onnx.external-data-bad-field")
                        .severity());
        var badLocation = Protobuf.message().varint(2, 1).varint(14, 7);
        assertRule(scan("m.onnx", Protobuf.onnxModel(badLocation)), "onnx.bad-data-location", ModelRisk.MALFORMED);
    }

    @Test
    void anOnnxModelInsideAnArchiveCannotHaveItsExternalDataChecked() throws Exception {
        var zip = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("m.onnx"));
            out.write(Protobuf.onnxModel(Protobuf.externalTensor(DIMS, "location", "w.bin")));
        }

        assertRule(scan("m.zip", zip.toByteArray()), "onnx.external-data-unchecked", ModelRisk.MALFORMED);
    }

    @Test
    void tensorsInSubgraphsAndFunctionsAreChecked() {
        var attribute = Protobuf.message()
                .string(1, "then_branch")
                .message(6, Protobuf.message().message(5, Protobuf.externalTensor(DIMS, "location", "../x")));
        var node = Protobuf.message().string(4, "If").message(5, attribute);
        var graph = Protobuf.message().message(1, node);
        byte[] model = Protobuf.message().varint(1, 8).message(7, graph).build();

        assertRule(scan("m.onnx", model), "onnx.external-data-outside-model", ModelRisk.UNSAFE);

        var function = Protobuf.message()
                .string(1, "f")
                .message(
                        7,
                        Protobuf.message()
                                .string(4, "Constant")
                                .message(
                                        5,
                                        Protobuf.message()
                                                .message(5, Protobuf.externalTensor(DIMS, "location", "/abs"))));
        byte[] withFunction = Protobuf.message()
                .varint(1, 8)
                .message(7, Protobuf.message())
                .message(25, function)
                .build();

        assertRule(scan("m.onnx", withFunction), "onnx.external-data-outside-model", ModelRisk.UNSAFE);
    }

    @Test
    void protobufAndStructureRules() {
        assertRule(scan("m.onnx", Protobuf.message().varint(1, 8).build()), "onnx.missing-graph", ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "m.onnx",
                        Protobuf.message()
                                .string(2, "p")
                                .message(7, Protobuf.message())
                                .build()),
                "onnx.missing-ir-version",
                ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "m.onnx",
                        Protobuf.message()
                                .varint(1, 8)
                                .raw(new byte[] {0x3a, 0x10, 0x0a})
                                .build()),
                "onnx.truncated",
                ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "m.onnx",
                        Protobuf.message().varint(1, 8).raw(new byte[] {0x3b}).build()),
                "onnx.protobuf",
                ModelRisk.MALFORMED);
        assertRule(
                scan("m.onnx", Protobuf.message().varint(1, 8).varint(7, 3).build()),
                "onnx.protobuf",
                ModelRisk.MALFORMED);
    }
}
