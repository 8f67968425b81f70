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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipStreamTest {

    static byte[] gzip(byte[] content) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    @Test
    void theContentIsScannedAsTheStreamsMember() throws Exception {
        byte[] evil = PickleBytes.proto(2)
                .global("os", "system")
                .str("echo x")
                .tuple1()
                .reduce()
                .stop()
                .build();

        var file = scan("w.pkl.gz", gzip(evil));

        assertEquals(ModelFormat.GZIP, file.format());
        assertEquals("(gzip content)", finding(file, "pickle.denied-global").entry());
    }

    @Test
    void concatenatedMembersAreOneContent() throws Exception {
        byte[] a = gzip("{\"a\": ".getBytes(StandardCharsets.UTF_8));
        byte[] b = gzip("1}\n".getBytes(StandardCharsets.UTF_8));

        assertSafe(scan("c.json.gz", concat(a, b)));
    }

    @Test
    void bytesAfterTheLastMemberAreMalformed() throws Exception {
        assertRule(
                scan("a.gz", concat(gzip("x\n".getBytes(StandardCharsets.UTF_8)), new byte[] {1, 2, 3})),
                "gzip.trailing-bytes",
                ModelRisk.MALFORMED);
    }

    @Test
    void damagedStreamsAreMalformed() throws Exception {
        byte[] good = gzip("hello world\n".getBytes(StandardCharsets.UTF_8));
        byte[] badTrailer = good.clone();
        badTrailer[badTrailer.length - 5] ^= 1;
        assertRule(scan("a.gz", badTrailer), "gzip.bad-trailer", ModelRisk.MALFORMED);
        assertRule(
                scan("b.gz", java.util.Arrays.copyOf(good, good.length - 12)), "gzip.truncated", ModelRisk.MALFORMED);
        byte[] badData = good.clone();
        badData[10] = (byte) 0xFF;
        assertRule(scan("d.gz", badData), "gzip.corrupt", ModelRisk.MALFORMED);
        byte[] badFlags = good.clone();
        badFlags[3] = (byte) 0xE0;
        assertRule(scan("c.gz", badFlags), "gzip.bad-header", ModelRisk.MALFORMED);
    }

    @Test
    void aBombIsStoppedAtTheRatioLimit() throws Exception {
        byte[] bomb = gzip(new byte[16 << 20]);

        assertRule(scan("bomb.gz", bomb), "container.ratio", ModelRisk.MALFORMED);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
