package io.lotabots.attestation.model.formats;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.testing.PickleBytes;
import io.lotabots.attestation.model.testing.ZipBytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Torch checkpoints built by hand, to break each rule the real ones (ModelScannerTest) keep. */
class TorchChecksTest {

    /** A pickle whose value refers to one storage: {@code ('storage', torch.<type>, key, 'cpu', numel)}. */
    static byte[] storageRef(String type, String key, int numel, int extraItems) {
        var p = PickleBytes.proto(2)
                .op('(')
                .str("storage")
                .global("torch", type)
                .str(key)
                .str("cpu")
                .op('K')
                .raw(numel);
        for (int i = 0; i < extraItems; i++) {
            p.op('N');
        }
        return p.op('t').op('Q').stop().build();
    }

    static ZipBytes checkpoint(byte[] dataPkl, int storageBytes) {
        var zip = new ZipBytes();
        zip.add("archive/data.pkl", dataPkl);
        zip.add("archive/data/0", new byte[storageBytes]);
        zip.add("archive/version", "3\n".getBytes());
        return zip;
    }

    @Test
    void aMinimalCheckpointIsSafe() {
        var file = scan(
                "m.pt", checkpoint(storageRef("FloatStorage", "0", 4, 0), 16).build());

        assertEquals(ModelFormat.PYTORCH_ZIP, file.format());
        assertSafe(file);
    }

    @Test
    void storagesMustExistWithExactlyTheirBytes() {
        assertRule(
                scan(
                        "a.pt",
                        checkpoint(storageRef("FloatStorage", "0", 4, 0), 12).build()),
                "torch.storage-size",
                ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "b.pt",
                        checkpoint(storageRef("FloatStorage", "7", 4, 0), 16).build()),
                "torch.storage-missing",
                ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "c.pt",
                        checkpoint(storageRef("FloatStorage", "7", 4, 0), 16).build()),
                "torch.unreferenced-record",
                ModelRisk.SUSPICIOUS);
    }

    @Test
    void persistentIdsMustNameTorchStorages() {
        assertRule(
                scan("a.pt", checkpoint(storageRef("Tensor", "0", 4, 0), 16).build()),
                "torch.bad-persistent-id",
                ModelRisk.MALFORMED);
        assertRule(
                scan(
                        "b.pt",
                        checkpoint(storageRef("FloatStorage", "0", 4, 3), 16).build()),
                "torch.bad-persistent-id",
                ModelRisk.MALFORMED);
    }

    @Test
    void recordsTorchDoesNotReadAndStructureItNeeds() {
        var foreign = checkpoint(storageRef("FloatStorage", "0", 4, 0), 16);
        foreign.add("other/payload.txt", "hidden\n".getBytes());
        assertRule(scan("a.pt", foreign.build()), "torch.foreign-record", ModelRisk.SUSPICIOUS);

        var noVersion = new ZipBytes();
        noVersion.add("archive/data.pkl", storageRef("FloatStorage", "0", 4, 0));
        noVersion.add("archive/data/0", new byte[16]);
        assertRule(scan("b.pt", noVersion.build()), "torch.missing-version", ModelRisk.MALFORMED);

        byte[] trailing = concat(storageRef("FloatStorage", "0", 4, 0), new byte[] {1, 2});
        assertRule(scan("c.pt", checkpoint(trailing, 16).build()), "torch.trailing-bytes", ModelRisk.MALFORMED);
    }

    @Test
    void torchScriptIsSuspiciousAndItsPicklesAreScanned() {
        var zip = checkpoint(storageRef("FloatStorage", "0", 4, 0), 16);
        zip.add("archive/code/__torch__.py", "def forward(self, x):\n    return x\n".getBytes());
        zip.add(
                "archive/constants.pkl",
                PickleBytes.proto(2).global("os", "system").op('.').build());

        var file = scan("m.pt", zip.build());

        assertEquals(ModelFormat.TORCHSCRIPT, file.format());
        assertRule(file, "torch.torchscript", ModelRisk.SUSPICIOUS);
        assertRule(file, "pickle.denied-global", ModelRisk.UNSAFE);
    }

    // ---- legacy

    private static byte[] legacy(byte[] protocol, String key, int numel, long storedNumel, int dataBytes, byte[] tail) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(PickleBytes.proto(2)
                .op(0x8a)
                .raw(10)
                .raw(0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19)
                .stop()
                .build());
        out.writeBytes(protocol);
        out.writeBytes(PickleBytes.proto(2).op('}').stop().build());
        out.writeBytes(storageRef("FloatStorage", key, numel, 1));
        out.writeBytes(
                PickleBytes.proto(2).op(']').op('(').str(key).op('e').stop().build());
        out.writeBytes(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(storedNumel)
                .array());
        out.writeBytes(new byte[dataBytes]);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static final byte[] PROTOCOL_1001 =
            PickleBytes.proto(2).op('M').raw(0xe9, 0x03).stop().build();

    @Test
    void aLegacyCheckpointIsReadToItsExactEnd() {
        var file = scan("m.pt", legacy(PROTOCOL_1001, "k", 3, 3, 12, new byte[0]));

        assertEquals(ModelFormat.PYTORCH_LEGACY, file.format());
        assertSafe(file);
    }

    @Test
    void legacyRules() {
        assertRule(
                scan("a.pt", legacy(PickleBytes.proto(2).op('K').raw(7).stop().build(), "k", 3, 3, 12, new byte[0])),
                "torch.legacy-structure",
                ModelRisk.MALFORMED);
        assertRule(
                scan("b.pt", legacy(PROTOCOL_1001, "k", 3, 4, 12, new byte[0])),
                "torch.storage-size",
                ModelRisk.MALFORMED);
        assertRule(
                scan("c.pt", legacy(PROTOCOL_1001, "k", 3, 3, 12, new byte[] {9})),
                "torch.trailing-bytes",
                ModelRisk.MALFORMED);
        assertRule(
                scan("d.pt", legacy(PROTOCOL_1001, "k", 3, 3, 8, new byte[0])),
                "torch.storage-truncated",
                ModelRisk.MALFORMED);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
