package io.lotabots.attestation.model.formats;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.testing.PickleBytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

public class NumpyCheckTest {

    /** A version 1.0 .npy with this header literal (padded like numpy) and these data bytes. */
    public static byte[] npy(int major, String header, byte[] data) {
        var out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(major);
        out.write(0);
        int prefix = major == 1 ? 10 : 12;
        String padded = header + " ".repeat((64 - (prefix + header.length() + 1) % 64) % 64) + "\n";
        byte[] h = padded.getBytes(StandardCharsets.UTF_8);
        out.write(h.length & 0xFF);
        out.write(h.length >> 8);
        if (major != 1) {
            out.write(0);
            out.write(0);
        }
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void aPlainArrayWithExactlyItsDataIsSafe() {
        var file = scan("a.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }", new byte[48]));

        assertEquals(ModelFormat.NUMPY, file.format());
        assertSafe(file);
    }

    @Test
    void structuredAndStringDtypesHaveTheirSizes() {
        assertSafe(scan(
                "a.npy",
                npy(
                        2,
                        "{'descr': [('x', '<i4'), ('y', '<f8', (2,))], 'fortran_order': False, 'shape': (3,), }",
                        new byte[3 * 20])));
        assertSafe(scan("b.npy", npy(3, "{'descr': '<U5', 'fortran_order': True, 'shape': (2,), }", new byte[40])));
        assertSafe(scan("c.npy", npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (), }", new byte[1])));
        assertSafe(
                scan("d.npy", npy(1, "{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (0, 5), }", new byte[0])));
    }

    @Test
    void theDataMustBeExactlyAsLongAsTheShapeSays() {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }";
        assertRule(scan("a.npy", npy(1, header, new byte[47])), "numpy.data-size", ModelRisk.MALFORMED);
        assertRule(scan("b.npy", npy(1, header, new byte[49])), "numpy.data-size", ModelRisk.MALFORMED);
    }

    @Test
    void anObjectArrayIsSuspiciousAndItsPickleIsScanned() {
        byte[] benign = PickleBytes.proto(3).op(']').stop().build();
        byte[] evil = PickleBytes.proto(3)
                .global("os", "system")
                .str("echo x")
                .tuple1()
                .reduce()
                .stop()
                .build();
        String header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }";

        assertRule(scan("a.npy", npy(1, header, benign)), "numpy.object-array", ModelRisk.SUSPICIOUS);
        assertEquals(ModelRisk.SUSPICIOUS, scan("a.npy", npy(1, header, benign)).risk());
        assertRule(scan("b.npy", npy(1, header, evil)), "pickle.denied-global", ModelRisk.UNSAFE);
        assertRule(
                scan(
                        "c.npy",
                        npy(
                                1,
                                header,
                                PickleBytes.proto(3).op(']').stop().raw(1, 2).build())),
                "numpy.trailing-bytes",
                ModelRisk.MALFORMED);
        String structured = "{'descr': [('a', '<i4'), ('b', '|O')], 'fortran_order': False, 'shape': (1,), }";
        assertRule(scan("d.npy", npy(1, structured, evil)), "pickle.denied-global", ModelRisk.UNSAFE);
    }

    @Test
    void headerRules() {
        assertRule(
                scan("a.npy", npy(1, "{'descr': '<f4', 'shape': (1,), }", new byte[4])),
                "numpy.bad-header",
                ModelRisk.MALFORMED);
        assertRule(
                scan("b.npy", npy(1, "{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }", new byte[4])),
                "numpy.bad-header",
                ModelRisk.MALFORMED);
        assertRule(
                scan("c.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", new byte[4])),
                "numpy.bad-header",
                ModelRisk.MALFORMED);
        assertRule(
                scan("d.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': [1], }", new byte[4])),
                "numpy.bad-header",
                ModelRisk.MALFORMED);
        assertRule(
                scan("e.npy", npy(1, "__import__('os').system('x')", new byte[4])),
                "numpy.bad-header",
                ModelRisk.MALFORMED);
        assertRule(
                scan("f.npy", npy(1, "{'descr': '<f3', 'fortran_order': False, 'shape': (1,), }", new byte[4])),
                "numpy.bad-dtype",
                ModelRisk.MALFORMED);
        assertRule(
                scan("g.npy", npy(4, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4])),
                "numpy.unsupported-version",
                ModelRisk.MALFORMED);
        String big = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), " + " ".repeat(10_100) + "}";
        assertRule(scan("h.npy", npy(2, big, new byte[4])), "numpy.header-too-large", ModelRisk.MALFORMED);
    }
}
