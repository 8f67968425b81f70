package io.lotabots.attestation.model.containers;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.finding;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.scan.ScanLimits;
import io.lotabots.attestation.model.testing.PickleBytes;
import io.lotabots.attestation.model.testing.Scans;
import io.lotabots.attestation.model.testing.ZipBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZipArchiveTest {

    private static final byte[] EVIL = PickleBytes.proto(2)
            .global("os", "system")
            .str("echo x")
            .tuple1()
            .reduce()
            .stop()
            .build();
    private static final byte[] BENIGN = PickleBytes.proto(2).op(']').stop().build();

    @Test
    void anHonestArchiveOfTextIsSafe() {
        var zip = new ZipBytes().add("config.json", "{\"a\": 1}\n").add("README.md", "# model\n");
        zip.add("notes.txt", "plain words\n".getBytes(StandardCharsets.UTF_8)).deflate();

        var file = scan("m.zip", zip.build());

        assertEquals(ModelFormat.ZIP, file.format());
        assertSafe(file);
    }

    @Test
    void membersAreScannedAndNamedInTheirFindings() {
        var zip = new ZipBytes().add("ok.txt", "fine\n");
        zip.add("sub/evil.pkl", EVIL).deflate();

        var f = finding(scan("m.zip", zip.build()), "pickle.denied-global");

        assertEquals("sub/evil.pkl", f.entry());
        assertEquals("m.zip", f.file());
    }

    @Test
    void pathRules() {
        assertRule(
                scan("a.zip", new ZipBytes().add("../x.txt", "a\n").build()),
                "container.path-traversal",
                ModelRisk.UNSAFE);
        assertRule(
                scan("b.zip", new ZipBytes().add("/etc/x", "a\n").build()),
                "container.absolute-path",
                ModelRisk.UNSAFE);
        assertRule(
                scan("c.zip", new ZipBytes().add("C:\\x", "a\n").build()), "container.absolute-path", ModelRisk.UNSAFE);
        assertRule(
                scan("d.zip", new ZipBytes().add("a\\b.txt", "a\n").build()),
                "container.backslash-path",
                ModelRisk.SUSPICIOUS);
        assertRule(
                scan("e.zip", new ZipBytes().add("a\\..\\..\\b", "a\n").build()),
                "container.path-traversal",
                ModelRisk.UNSAFE);
        assertRule(
                scan(
                        "f.zip",
                        new ZipBytes().add("x.txt", "a\n").add("x.txt", "b\n").build()),
                "container.duplicate-entry",
                ModelRisk.MALFORMED);
    }

    @Test
    void bothMembersOfADuplicateNameAreScanned() {
        var zip = new ZipBytes();
        zip.add("w.pkl", BENIGN);
        zip.add("w.pkl", EVIL);

        assertEquals(ModelRisk.UNSAFE, scan("m.zip", zip.build()).risk());
    }

    @Test
    void symlinksAreReportedWithTheirTargetAndNotFollowed() {
        var zip = new ZipBytes();
        zip.add("link", "/etc/passwd".getBytes(StandardCharsets.UTF_8)).symlink();
        var inside = new ZipBytes();
        inside.add("link", "weights.bin".getBytes(StandardCharsets.UTF_8)).symlink();

        assertRule(scan("a.zip", zip.build()), "container.symlink", ModelRisk.UNSAFE);
        assertRule(scan("b.zip", inside.build()), "container.symlink", ModelRisk.SUSPICIOUS);
    }

    @Test
    void entriesWhoseContentCannotBeReadAreMalformed() {
        var encrypted = new ZipBytes();
        encrypted.add("a.pkl", EVIL).flags(1);
        var method = new ZipBytes();
        method.add("a.pkl", EVIL).method(12);
        var patched = new ZipBytes();
        patched.add("a.pkl", EVIL).flags(0x20);

        assertRule(scan("a.zip", encrypted.build()), "zip.encrypted", ModelRisk.MALFORMED);
        assertRule(scan("b.zip", method.build()), "zip.unsupported-method", ModelRisk.MALFORMED);
        assertRule(scan("c.zip", patched.build()), "zip.unsupported-flags", ModelRisk.MALFORMED);
    }

    @Test
    void aLocalHeaderThatDisagreesWithTheDirectoryIsMalformedAndTheDirectorysMemberIsScanned() {
        var zip = new ZipBytes();
        zip.add("data.pkl", EVIL).localName("README.txt");

        var file = scan("m.zip", zip.build());

        assertRule(file, "zip.name-mismatch", ModelRisk.MALFORMED);
        assertEquals(ModelRisk.UNSAFE, file.risk());
    }

    @Test
    void aWrongCrcIsMalformedButTheMemberIsStillScanned() {
        var zip = new ZipBytes();
        zip.add("data.pkl", EVIL).crc(0x12345678L);
        var deflated = new ZipBytes();
        deflated.add("data.pkl", EVIL).deflate().crc(1);

        var file = scan("m.zip", zip.build());

        assertRule(file, "zip.crc-mismatch", ModelRisk.MALFORMED);
        assertRule(file, "pickle.denied-global", ModelRisk.UNSAFE);
        assertRule(scan("n.zip", deflated.build()), "zip.crc-mismatch", ModelRisk.MALFORMED);
    }

    @Test
    void aStoredMemberWhoseSizesDisagreeIsMalformed() {
        var zip = new ZipBytes();
        zip.add("a.txt", "abc\n".getBytes(StandardCharsets.UTF_8)).size(3);

        assertRule(scan("m.zip", zip.build()), "zip.size-mismatch", ModelRisk.MALFORMED);
    }

    @Test
    void aMemberInflatingPastItsDeclaredSizeIsCaught() {
        byte[] content = new byte[5000];
        var zip = new ZipBytes();
        zip.add("zeros.bin", content).deflate().size(100);

        var file = scan("m.zip", zip.build());

        assertRule(file, "container.size-exceeded", ModelRisk.MALFORMED);
    }

    @Test
    void aDeclaredRatioBeyondTheLimitIsNotDecompressed() {
        var zip = new ZipBytes();
        zip.add("bomb.bin", new byte[10]).deflate().size(50L << 20);

        assertRule(scan("m.zip", zip.build()), "container.ratio", ModelRisk.MALFORMED);
    }

    @Test
    void decompressionAcrossTheFileIsBounded() {
        var zip = new ZipBytes();
        zip.add("a.txt", "x".repeat(600_000).getBytes(StandardCharsets.UTF_8)).deflate();
        zip.add("b.txt", "y".repeat(600_000).getBytes(StandardCharsets.UTF_8)).deflate();
        var limits = new ScanLimits(6, 100, 1_000_000, 10_000, 10_000, 100);

        assertRule(Scans.scan("m.zip", zip.build(), limits), "container.inflated-limit", ModelRisk.MALFORMED);
    }

    @Test
    void theNumberOfMembersIsBounded() {
        var zip = new ZipBytes();
        for (int i = 0; i < 12; i++) {
            zip.add("f" + i + ".txt", "x\n");
        }
        var limits = new ScanLimits(6, 10, 1 << 20, 100, 10_000, 100);

        assertRule(Scans.scan("m.zip", zip.build(), limits), "container.too-many-entries", ModelRisk.MALFORMED);
    }

    @Test
    void nestingIsScannedToTheDepthLimitAndNoFurther() {
        byte[] inner = new ZipBytes().file("deep.pkl", EVIL).build();
        byte[] middle = new ZipBytes().file("inner.zip", inner).build();
        byte[] outer = new ZipBytes().file("middle.zip", middle).build();

        var deep = scan("m.zip", outer);
        var f = finding(deep, "pickle.denied-global");
        assertEquals("middle.zip!/inner.zip!/deep.pkl", f.entry());

        var limits = new ScanLimits(2, 100, 1 << 20, 100, 10_000, 100);
        assertRule(Scans.scan("m.zip", outer, limits), "container.too-deep", ModelRisk.MALFORMED);
    }

    @Test
    void overlappingEntriesAreMalformed() {
        var zip = new ZipBytes().add("a.txt", "one\n").add("b.txt", "one\n").overlapLastTwo();

        assertRule(scan("m.zip", zip.build()), "zip.overlapping-entries", ModelRisk.MALFORMED);
    }

    @Test
    void bytesNoEntryAccountsForAreSuspicious() {
        var zip = new ZipBytes().add("a.txt", "one\n").gap(EVIL);

        assertRule(scan("m.zip", zip.build()), "zip.unaccounted-bytes", ModelRisk.SUSPICIOUS);
    }

    @Test
    void aBrokenDirectoryFallsBackToTheLocalHeadersSoMembersAreStillScanned() {
        var zip = new ZipBytes();
        zip.add("ok.txt", "fine\n");
        zip.add("evil.pkl", EVIL).deflate();
        zip.declaredEntries(7);

        var file = scan("m.zip", zip.build());

        assertRule(file, "zip.no-central-directory", ModelRisk.MALFORMED);
        assertRule(file, "zip.bad-directory", ModelRisk.MALFORMED);
        assertEquals(ModelRisk.UNSAFE, file.risk());
    }

    @Test
    void anArchiveWithoutAnEndRecordIsMalformed() {
        byte[] zip = new ZipBytes().add("a.txt", "x\n").build();
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length - 10);

        assertRule(scan("m.zip", cut), "zip.no-end-record", ModelRisk.MALFORMED);
    }

    @Test
    void oneBadMemberNeverStopsTheScanOfTheOthers() {
        var zip = new ZipBytes();
        zip.add("bad.bin", new byte[] {1, 2, 3}).deflate().compressedSize(2);
        zip.add("broken.safetensors", new byte[] {100, 0, 0, 0, 0, 0, 0, 0, '{', '}'});
        zip.add("evil.pkl", EVIL);

        var file = scan("m.zip", zip.build());

        assertRule(file, "pickle.denied-global", ModelRisk.UNSAFE);
        assertRule(file, "safetensors.invalid-header-length", ModelRisk.MALFORMED);
    }

    @Test
    void anArchiveOfNumpyArraysIsAnNpz() {
        byte[] npy = io.lotabots.attestation.model.formats.NumpyCheckTest.npy(
                1, "{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }", new byte[4]);
        var zip = new ZipBytes();
        zip.add("a.npy", npy).deflate();

        var file = scan("arrays.npz", zip.build());

        assertEquals(ModelFormat.NUMPY_ARCHIVE, file.format());
        assertSafe(file);
    }
}
