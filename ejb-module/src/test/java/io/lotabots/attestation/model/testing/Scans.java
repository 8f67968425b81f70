package io.lotabots.attestation.model.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelScan;
import io.lotabots.attestation.model.scan.ModelScanner;
import io.lotabots.attestation.model.scan.ScanLimits;
import io.lotabots.attestation.model.scan.ScannedFile;
import io.lotabots.model.control.DirectoryModelTree;
import io.lotabots.model.control.ModelTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Scans for the tests: hand-built bytes as a one-file model, or a folder the build's Python wrote. */
public final class Scans {

    public static final Path TEST_MODELS = Path.of("target", "test-models");

    private Scans() {}

    public static ScannedFile scan(String name, byte[] content) {
        return new ModelScanner().scan(MemoryModelTree.of(name, content)).file(name);
    }

    public static ScannedFile scan(String name, byte[] content, ScanLimits limits) {
        return new ModelScanner(limits).scan(MemoryModelTree.of(name, content)).file(name);
    }

    public static ModelScan scan(ModelTree tree) {
        return new ModelScanner().scan(tree);
    }

    /** A folder (or file) under target/test-models, written by src/test/python/make_test_models.py. */
    public static ModelScan testModel(String relative) {
        Path path = TEST_MODELS.resolve(relative);
        if (!Files.exists(path)) {
            fail(path + " is missing: the build's generate-test-resources phase writes it (make_test_models.py)");
        }
        return new ModelScanner().scan(new DirectoryModelTree(path));
    }

    /** The finding with this rule; fails listing all findings when there is none. */
    public static Finding finding(ScannedFile file, String rule) {
        return file.findings().stream()
                .filter(f -> f.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + describe(file.findings())));
    }

    public static Finding finding(ModelScan scan, String rule) {
        return scan.findings().stream()
                .filter(f -> f.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + describe(scan.findings())));
    }

    public static void assertRule(ScannedFile file, String rule, ModelRisk severity) {
        assertEquals(severity, finding(file, rule).severity(), () -> describe(file.findings()));
        assertTrue(file.risk().compareTo(severity) >= 0);
    }

    public static void assertSafe(ScannedFile file) {
        assertEquals(List.of(), file.findings(), () -> describe(file.findings()));
        assertEquals(ModelRisk.SAFE, file.risk());
    }

    public static String describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.severity() + " " + f.rule() + (f.entry() == null ? "" : " [" + f.entry() + "]")
                        + (f.global() == null ? "" : " " + f.global()) + (f.offset() == null ? "" : " @" + f.offset())
                        + ": " + f.detail())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
