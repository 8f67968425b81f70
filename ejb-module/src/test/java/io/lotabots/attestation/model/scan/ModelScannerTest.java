package io.lotabots.attestation.model.scan;

import static io.lotabots.attestation.model.testing.Scans.describe;
import static io.lotabots.attestation.model.testing.Scans.finding;
import static io.lotabots.attestation.model.testing.Scans.testModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.testing.MemoryModelTree;
import io.lotabots.attestation.model.testing.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scanner on models made for real by the build (src/test/python/make_test_models.py: torch.save, numpy.save,
 * onnx's writer, and safetensors and GGUF written by their specs).
 */
class ModelScannerTest {

    @ParameterizedTest(name = "{0} is {1} and {2}")
    @CsvSource({
        "torch-zip/model.pt, PYTORCH_ZIP, SAFE",
        "torch-legacy/model.pt, PYTORCH_LEGACY, SAFE",
        "safetensors/model.safetensors, SAFETENSORS, SAFE",
        "gguf/model.gguf, GGUF, SAFE",
        "onnx-inline/model.onnx, ONNX, SAFE",
        "numpy/array.npy, NUMPY, SAFE",
        "numpy/arrays.npz, NUMPY_ARCHIVE, SAFE",
        "numpy/compressed.npz, NUMPY_ARCHIVE, SAFE",
        "numpy/objects.npy, NUMPY, SUSPICIOUS",
        "pickle/benign-protocol-0.pkl, PICKLE, SAFE",
        "pickle/benign-protocol-2.pkl, PICKLE, SAFE",
        "pickle/benign-protocol-4.pkl, PICKLE, SAFE",
        "pickle/benign-protocol-5.pkl, PICKLE, SAFE",
        "tar/model.tar.gz, GZIP, SAFE",
        "text/config.json, TEXT, SAFE",
        "sentencepiece/tokenizer.model, SENTENCEPIECE, SAFE"
    })
    void benignModelsAreWhatTheyAre(String path, ModelFormat format, ModelRisk risk) {
        var scan = testModel(path);
        var file = scan.files().get(0);

        assertEquals(format, file.format());
        assertEquals(risk, file.risk(), () -> describe(file.findings()));
    }

    @ParameterizedTest(name = "{0} is unsafe: {1} {2}")
    @CsvSource({
        "pickle/os-system-protocol-0.pkl, GLOBAL, posix.system",
        "pickle/os-system-protocol-1.pkl, GLOBAL, posix.system",
        "pickle/os-system-protocol-2.pkl, GLOBAL, posix.system",
        "pickle/os-system-protocol-3.pkl, GLOBAL, posix.system",
        "pickle/os-system-protocol-4.pkl, STACK_GLOBAL, posix.system",
        "pickle/os-system-protocol-5.pkl, STACK_GLOBAL, posix.system",
        "pickle/stack-global-memo.pkl, STACK_GLOBAL, os.system",
        "pickle/dotted-posixpath.pkl, STACK_GLOBAL, posixpath.os.system",
        "pickle/builtin-eval-protocol-2.pkl, GLOBAL, __builtin__.eval",
        "pickle/builtins-eval-protocol-4.pkl, STACK_GLOBAL, builtins.eval",
        "pickle/inst.pkl, INST, os.system",
        "pickle/obj.pkl, GLOBAL, os.system",
        "pickle/newobj.pkl, GLOBAL, subprocess.Popen",
        "pickle/newobj-ex.pkl, STACK_GLOBAL, subprocess.Popen",
        "pickle/call-then-garbage.pkl, GLOBAL, posix.system",
        "pickle/second-stream.pkl, GLOBAL, posix.system",
        "torch-zip-malicious/model.pt, GLOBAL, posix.system",
        "torch-legacy-malicious/model.pt, GLOBAL, posix.system",
        "numpy/malicious-objects.npy, GLOBAL, posix.system",
        "numpy/malicious.npz, GLOBAL, posix.system",
        "safetensors-named-pickle/model.safetensors, GLOBAL, posix.system",
        "safetensors-trailing/model.safetensors, GLOBAL, posix.system"
    })
    void maliciousPicklesAreUnsafeAndNamed(String path, String opcode, String global) {
        var scan = testModel(path);
        var f = finding(scan, "pickle.denied-global");

        assertEquals(ModelRisk.UNSAFE, scan.risk());
        assertEquals(opcode, f.opcode(), () -> describe(scan.findings()));
        assertEquals(global, f.global());
    }

    @Test
    void otherWaysOfRunningCodeAreUnsafe() {
        assertEquals(
                "BUILD",
                finding(testModel("pickle/build-global.pkl"), "pickle.mutates-global")
                        .opcode());
        assertEquals(
                "EXT1",
                finding(testModel("pickle/ext1.pkl"), "pickle.extension-code").opcode());
        var nested = finding(testModel("pickle/nested-bytes.pkl"), "pickle.denied-global");
        assertTrue(nested.entry().startsWith("bytes@"), nested.entry());
        assertEquals(
                ModelRisk.UNSAFE,
                finding(testModel("gguf-template"), "gguf.chat-template-code").severity());
    }

    @Test
    void aMaliciousTorchCheckpointNamesTheRecordHoldingThePickle() {
        var f = finding(testModel("torch-zip-malicious/model.pt"), "pickle.denied-global");

        assertEquals("model/data.pkl", f.entry());
        assertEquals("model.pt", f.file());
    }

    @Test
    void aTorchStorageRecordCutShortIsMalformed() {
        var scan = testModel("torch-zip-short-storage/model.pt");

        assertEquals(ModelRisk.MALFORMED, finding(scan, "torch.storage-size").severity());
    }

    @Test
    void onnxExternalDataIsCheckedAgainstTheModelsFiles() {
        var ok = testModel("onnx-external");
        assertEquals(ModelRisk.SAFE, ok.risk(), () -> describe(ok.findings()));
        assertEquals(ModelFormat.ONNX_EXTERNAL_DATA, ok.file("model.onnx.data").format());

        assertEquals(
                ModelRisk.UNSAFE,
                finding(testModel("onnx-traversal"), "onnx.external-data-outside-model")
                        .severity());
        assertEquals(
                ModelRisk.MALFORMED,
                finding(testModel("onnx-missing"), "onnx.external-data-missing").severity());
        assertEquals(
                ModelRisk.MALFORMED,
                finding(testModel("onnx-out-of-range"), "onnx.external-data-out-of-range")
                        .severity());
    }

    @Test
    void archivesMadeByPythonsZipfileAndTarfile() {
        assertEquals(
                ModelRisk.UNSAFE,
                finding(testModel("zip/traversal.zip"), "container.path-traversal")
                        .severity());
        assertEquals(
                ModelRisk.UNSAFE,
                finding(testModel("zip/traversal.zip"), "container.absolute-path")
                        .severity());
        assertEquals(
                ModelRisk.MALFORMED,
                finding(testModel("zip/bomb.zip"), "container.ratio").severity());
        assertEquals(
                ModelRisk.UNSAFE,
                finding(testModel("zip/symlink.zip"), "container.symlink").severity());
        var duplicate = testModel("zip/duplicate.zip");
        assertEquals(
                ModelRisk.MALFORMED,
                finding(duplicate, "container.duplicate-entry").severity());
        assertEquals(ModelRisk.UNSAFE, duplicate.risk());
        assertEquals(
                "inner.zip!/deep/payload.pkl",
                finding(testModel("zip/nested.zip"), "pickle.denied-global").entry());
        assertEquals(
                ModelRisk.UNSAFE,
                finding(testModel("tar/symlink.tar"), "container.symlink").severity());
    }

    @Test
    void aSafetensorsFileWithAPickleAppendedIsAPolyglotAndMalformed() {
        var scan = testModel("safetensors-trailing/model.safetensors");

        assertEquals(
                ModelRisk.MALFORMED,
                finding(scan, "safetensors.incomplete-buffer").severity());
    }

    @Test
    void storedSymlinksAndPathsOfTheTreeAreChecked() {
        var tree = new MemoryModelTree()
                .with("config.json", "{}".getBytes())
                .withLink("weights.bin", "/etc/passwd")
                .withLink("alias.json", "config.json");

        var scan = Scans.scan(tree);

        assertEquals(ModelFormat.SYMLINK, scan.file("weights.bin").format());
        assertEquals(ModelRisk.UNSAFE, scan.file("weights.bin").risk());
        assertEquals(ModelRisk.SUSPICIOUS, scan.file("alias.json").risk());
        assertEquals(ModelRisk.SAFE, scan.file("config.json").risk());
        assertEquals(ModelRisk.UNSAFE, scan.risk());
    }

    @Test
    void storedPathsThatLeaveTheModelAreUnsafe() {
        var tree = new MemoryModelTree()
                .with("../escape.json", "{}".getBytes())
                .with("/abs.json", "{}".getBytes())
                .with("dir\\w.json", "{}".getBytes());

        var scan = Scans.scan(tree);

        assertEquals(ModelRisk.UNSAFE, finding(scan, "model.path-traversal").severity());
        assertEquals(ModelRisk.UNSAFE, finding(scan, "model.absolute-path").severity());
        assertEquals(ModelRisk.SUSPICIOUS, finding(scan, "model.backslash-path").severity());
    }

    @Test
    void aFileTheTreeCannotDeliverIsMalformedNotSkipped() {
        var tree = new io.lotabots.model.control.ModelTree() {
            @Override
            public java.util.List<io.lotabots.model.control.ModelFile> files() {
                return java.util.List.of(new io.lotabots.model.control.ModelFile("w.pkl", 100, "00", false));
            }

            @Override
            public java.io.InputStream open(String path) throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }

            @Override
            public java.io.InputStream open(String path, long start, long end) throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }
        };

        var scan = Scans.scan(tree);

        assertEquals(ModelRisk.MALFORMED, scan.risk());
        assertEquals("file.read-error", scan.findings().get(0).rule());
    }

    @Test
    void aFileShorterThanTheTreeRecordedIsMalformed() {
        var tree = new io.lotabots.model.control.ModelTree() {
            @Override
            public java.util.List<io.lotabots.model.control.ModelFile> files() {
                return java.util.List.of(new io.lotabots.model.control.ModelFile("w.safetensors", 1000, "00", false));
            }

            @Override
            public java.io.InputStream open(String path) {
                return new java.io.ByteArrayInputStream(new byte[] {2, 0, 0, 0, 0, 0, 0, 0, '{', '}'});
            }

            @Override
            public java.io.InputStream open(String path, long start, long end) {
                return open(path);
            }
        };

        assertEquals("file.short-read", Scans.scan(tree).findings().get(0).rule());
    }

    @Test
    void findingsBeyondTheLimitAreSummarizedWithTheirWorstSeverity() {
        var builder = io.lotabots.attestation.model.testing.PickleBytes.proto(2);
        for (int i = 0; i < 30; i++) {
            builder.global("pkg" + i, "Thing").op('0');
        }
        builder.global("os", "system").op('0').op('N').stop();
        var limits = new ScanLimits(6, 100, 1 << 20, 100, 10_000, 10);

        var file = Scans.scan("m.pkl", builder.build(), limits);

        assertEquals(ModelRisk.UNSAFE, file.risk());
        assertEquals(ModelRisk.UNSAFE, finding(file, "scan.findings-truncated").severity());
        assertEquals(11, file.findings().size());
    }
}
