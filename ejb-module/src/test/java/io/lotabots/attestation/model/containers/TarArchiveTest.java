package io.lotabots.attestation.model.containers;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.finding;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.testing.PickleBytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TarArchiveTest {

    private static final byte[] EVIL = PickleBytes.proto(2)
            .global("os", "system")
            .str("echo x")
            .tuple1()
            .reduce()
            .stop()
            .build();

    /** A ustar archive writer; each entry is (name, type, link, content). */
    static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tar entry(String name, char type, String link, byte[] content) {
            byte[] header = new byte[512];
            put(header, 0, name);
            put(header, 100, "0000644");
            put(header, 108, "0000000");
            put(header, 116, "0000000");
            put(header, 124, String.format("%011o", content.length));
            put(header, 136, "00000000000");
            header[156] = (byte) type;
            put(header, 157, link);
            put(header, 257, "ustar");
            header[262] = 0;
            put(header, 263, "00");
            for (int i = 148; i < 156; i++) {
                header[i] = ' ';
            }
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xFF;
            }
            put(header, 148, String.format("%06o", sum));
            header[154] = 0;
            out.writeBytes(header);
            out.writeBytes(content);
            out.writeBytes(new byte[(512 - content.length % 512) % 512]);
            return this;
        }

        Tar file(String name, byte[] content) {
            return entry(name, '0', "", content);
        }

        Tar raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] end() {
            out.writeBytes(new byte[1024]);
            return out.toByteArray();
        }

        byte[] unterminated() {
            return out.toByteArray();
        }

        private static void put(byte[] header, int offset, String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, header, offset, b.length);
        }
    }

    @Test
    void anHonestArchiveIsSafeAndItsMembersAreScanned() {
        byte[] tar = new Tar()
                .file("model/config.json", "{}\n".getBytes(StandardCharsets.UTF_8))
                .entry("model/", '5', "", new byte[0])
                .end();

        var file = scan("m.tar", tar);

        assertEquals(ModelFormat.TAR, file.format());
        assertSafe(file);
    }

    @Test
    void aMaliciousMemberIsFoundAndNamed() {
        var f = finding(scan("m.tar", new Tar().file("model/w.pkl", EVIL).end()), "pickle.denied-global");

        assertEquals("model/w.pkl", f.entry());
    }

    @Test
    void linksAndPaths() {
        assertRule(
                scan(
                        "a.tar",
                        new Tar()
                                .entry("passwd", '2', "/etc/passwd", new byte[0])
                                .end()),
                "container.symlink",
                ModelRisk.UNSAFE);
        assertRule(
                scan(
                        "b.tar",
                        new Tar().entry("w", '2', "weights.bin", new byte[0]).end()),
                "container.symlink",
                ModelRisk.SUSPICIOUS);
        assertRule(
                scan(
                        "c.tar",
                        new Tar()
                                .entry("h", '1', "../../etc/shadow", new byte[0])
                                .end()),
                "container.hard-link",
                ModelRisk.UNSAFE);
        assertRule(
                scan(
                        "d.tar",
                        new Tar()
                                .file("../evil.txt", "x\n".getBytes(StandardCharsets.UTF_8))
                                .end()),
                "container.path-traversal",
                ModelRisk.UNSAFE);
        assertRule(
                scan(
                        "e.tar",
                        new Tar()
                                .file("a.txt", new byte[] {'x'})
                                .file("a.txt", new byte[] {'y'})
                                .end()),
                "container.duplicate-entry",
                ModelRisk.MALFORMED);
        assertRule(
                scan("f.tar", new Tar().entry("dev", '3', "", new byte[0]).end()),
                "tar.special-entry",
                ModelRisk.SUSPICIOUS);
        assertRule(
                scan("g.tar", new Tar().entry("sparse", 'S', "", new byte[0]).end()),
                "tar.unsupported-entry",
                ModelRisk.MALFORMED);
    }

    @Test
    void aTarWhoseFirstNameIsAPickleIsScannedAsBoth() {
        byte[] tar = new Tar()
                .file("cos\nsystem\n(S'echo x'\ntR.", "x\n".getBytes(StandardCharsets.UTF_8))
                .end();

        var file = scan("m.tar", tar);

        assertEquals(ModelFormat.TAR, file.format());
        assertRule(file, "format.pickle-polyglot", ModelRisk.MALFORMED);
        assertRule(file, "pickle.denied-global", ModelRisk.UNSAFE);
    }

    @Test
    void theNumberOfEntriesIsBounded() {
        byte[] tar = new Tar()
                .file("a", new byte[1])
                .file("b", new byte[1])
                .file("c", new byte[1])
                .end();
        var limits = new io.lotabots.attestation.model.scan.ScanLimits(6, 2, 1 << 20, 100, 10_000, 100);

        assertRule(
                io.lotabots.attestation.model.testing.Scans.scan("m.tar", tar, limits),
                "container.too-many-entries",
                ModelRisk.MALFORMED);
    }

    @Test
    void paxAndGnuLongNamesNameTheNextEntry() {
        byte[] pax = "30 path=../../escape/evil.pkl\n".getBytes(StandardCharsets.UTF_8);
        byte[] tar =
                new Tar().entry("PaxHeader", 'x', "", pax).file("short", EVIL).end();

        var f = finding(scan("m.tar", tar), "container.path-traversal");
        assertEquals(ModelRisk.UNSAFE, f.severity());
        assertEquals(
                "../../escape/evil.pkl",
                finding(scan("m.tar", tar), "pickle.denied-global").entry());

        String longName = "d/".repeat(60) + "evil.pkl";
        byte[] gnu = new Tar()
                .entry("././@LongLink", 'L', "", (longName + "\0").getBytes(StandardCharsets.UTF_8))
                .file("short", EVIL)
                .end();
        assertEquals(
                longName, finding(scan("n.tar", gnu), "pickle.denied-global").entry());
    }

    @Test
    void structureRules() {
        byte[] tar =
                new Tar().file("a.txt", "x\n".getBytes(StandardCharsets.UTF_8)).end();
        byte[] badChecksum = tar.clone();
        badChecksum[0] = 'b';
        assertRule(scan("a.tar", badChecksum), "tar.bad-checksum", ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "b.tar",
                        new Tar()
                                .file("a.txt", "x\n".getBytes(StandardCharsets.UTF_8))
                                .unterminated()),
                "tar.truncated",
                ModelRisk.MALFORMED);
        byte[] trailing =
                new Tar().file("a.txt", "x\n".getBytes(StandardCharsets.UTF_8)).end();
        byte[] withTrailing = java.util.Arrays.copyOf(trailing, trailing.length + 512);
        withTrailing[withTrailing.length - 1] = 7;
        assertRule(scan("c.tar", withTrailing), "tar.trailing-bytes", ModelRisk.SUSPICIOUS);
        byte[] cut =
                java.util.Arrays.copyOf(new Tar().file("a.bin", new byte[2000]).end(), 1000);
        assertRule(scan("d.tar", cut), "tar.truncated", ModelRisk.MALFORMED);
        byte[] badPax = new Tar()
                .entry("PaxHeader", 'x', "", "99 path=x\n".getBytes(StandardCharsets.UTF_8))
                .file("a", new byte[1])
                .end();
        assertRule(scan("e.tar", badPax), "tar.bad-pax", ModelRisk.MALFORMED);
        byte[] badSize =
                new Tar().file("a.txt", "x\n".getBytes(StandardCharsets.UTF_8)).end();
        badSize[124] = '9';
        fixChecksum(badSize);
        assertRule(scan("f.tar", badSize), "tar.bad-size", ModelRisk.MALFORMED);
    }

    private static void fixChecksum(byte[] tar) {
        for (int i = 148; i < 156; i++) {
            tar[i] = ' ';
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += tar[i] & 0xFF;
        }
        byte[] digits = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, tar, 148, 6);
        tar[154] = 0;
    }
}
