package io.lotabots.attestation.model.containers;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.testing.PickleBytes;
import io.lotabots.attestation.model.testing.ZipBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The zip structure rules: the directory, local headers, compressed data, and what a loader would refuse. */
class ZipStructureTest {

    private static final byte[] TEXT = "some text\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void damagedDeflateDataIsMalformed() {
        var garbage = new ZipBytes();
        garbage.add("a.bin", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2})
                .method(8)
                .size(5);
        var cut = new ZipBytes();
        byte[] big = "x".repeat(5000).concat(" y".repeat(500)).getBytes(StandardCharsets.UTF_8);
        cut.add("a.txt", big).deflate().compressedSize(ZipBytes.deflate(big).length - 5);

        assertRule(scan("a.zip", garbage.build()), "zip.bad-deflate", ModelRisk.MALFORMED);
        assertRule(scan("b.zip", cut.build()), "zip.truncated-member", ModelRisk.MALFORMED);
    }

    @Test
    void compressedBytesAfterTheDeflateStreamAreSuspicious() {
        var zip = new ZipBytes();
        zip.add("a.txt", TEXT).deflate().afterData(new byte[] {1, 2, 3, 4});

        assertRule(scan("a.zip", zip.build()), "zip.compressed-size", ModelRisk.SUSPICIOUS);
    }

    @Test
    void localHeadersMustAgreeWithTheDirectory() {
        var flags = new ZipBytes();
        flags.add("a.txt", TEXT).localFlags(0x800);
        var pointer = new ZipBytes();
        pointer.add("a.txt", TEXT).offsetDelta(3);

        assertRule(scan("a.zip", flags.build()), "zip.header-mismatch", ModelRisk.MALFORMED);
        assertRule(scan("b.zip", pointer.build()), "zip.bad-local-header", ModelRisk.MALFORMED);
    }

    @Test
    void memberDataMustLieBeforeTheDirectory() {
        var zip = new ZipBytes();
        zip.add("a.txt", TEXT).size(5000).compressedSize(5000);

        assertRule(scan("a.zip", zip.build()), "zip.entry-out-of-range", ModelRisk.MALFORMED);
    }

    @Test
    void namesFlaggedUtf8MustBeUtf8() {
        var zip = new ZipBytes();
        zip.add("x", TEXT).flags(0x800).rawName(new byte[] {'a', (byte) 0xC3, 0x28});

        assertRule(scan("a.zip", zip.build()), "zip.bad-name", ModelRisk.MALFORMED);
    }

    @Test
    void directoryRules() {
        var extra = new ZipBytes();
        extra.add("a.txt", TEXT).centralExtra(new byte[] {1, 0, 40, 0, 0, 0});
        assertRule(scan("a.zip", extra.build()), "zip.bad-extra", ModelRisk.MALFORMED);
        assertRule(
                scan("b.zip", new ZipBytes().add("a.txt", "x\n").disk(1).build()),
                "zip.multi-disk",
                ModelRisk.MALFORMED);
        assertRule(
                scan("c.zip", new ZipBytes().add("a.txt", "x\n").zip64Marker().build()),
                "zip.bad-zip64",
                ModelRisk.MALFORMED);
    }

    @Test
    void theLocalHeaderWalkStopsAtAStoredMemberWhoseSizeFollowsItsData() {
        var zip = new ZipBytes();
        zip.add("a.txt", TEXT).flags(0x8);
        zip.declaredEntries(3);

        assertRule(scan("a.zip", zip.build()), "zip.unwalkable", ModelRisk.MALFORMED);
    }

    @Test
    void theLocalHeaderWalkStillFindsAMaliciousMemberBeforeTheDamage() {
        byte[] evil = PickleBytes.proto(2)
                .global("os", "system")
                .str("x")
                .tuple1()
                .reduce()
                .stop()
                .build();
        var zip = new ZipBytes();
        zip.add("evil.pkl", evil);
        zip.add("a.txt", TEXT).flags(0x8);
        zip.declaredEntries(9);

        var file = scan("a.zip", zip.build());

        assertEquals(ModelRisk.UNSAFE, file.risk());
    }
}
