package io.lotabots.attestation.model.formats;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.formats.FormatSniffer.Kind;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.testing.PickleBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatSnifferTest {

    private static Kind sniff(byte[] head) {
        return FormatSniffer.sniff(head, head.length).kind();
    }

    @Test
    void magicNumbersDecide() {
        assertEquals(Kind.ZIP, sniff(new byte[] {'P', 'K', 3, 4, 0}));
        assertEquals(Kind.GGUF, sniff("GGUF\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Kind.NUMPY, sniff(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}));
        assertEquals(Kind.PICKLE, sniff(new byte[] {(byte) 0x80, 5, '.'}));
        assertEquals(Kind.GZIP, sniff(new byte[] {0x1f, (byte) 0x8b, 8}));
        assertEquals(Kind.UNSUPPORTED, sniff(new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0}));
        assertEquals(Kind.UNSUPPORTED, sniff(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}));
        assertEquals(Kind.EMPTY, FormatSniffer.sniff(new byte[0], 0).kind());
    }

    @Test
    void structuralTestsDecideForFormatsWithoutMagic() {
        assertEquals(Kind.SAFETENSORS, sniff(new byte[] {2, 0, 0, 0, 0, 0, 0, 0, '{', '}'}));
        assertEquals(Kind.ONNX, sniff(new byte[] {0x08, 0x08, 0x12, 0x01, 'x'}));
        assertEquals(Kind.UNDETERMINED, sniff(new byte[] {0x08, 0x08, 0x7f}));
        assertEquals(Kind.UNDETERMINED, sniff("hello".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theContentDecidesWhateverTheName() {
        byte[] pickle = PickleBytes.proto(2)
                .global("os", "system")
                .str("x")
                .tuple1()
                .reduce()
                .stop()
                .build();

        var file = scan("model.safetensors", pickle);

        assertEquals(ModelFormat.PICKLE, file.format());
        assertRule(file, "pickle.denied-global", ModelRisk.UNSAFE);
        assertRule(file, "format.extension-mismatch", ModelRisk.SUSPICIOUS);
    }

    @Test
    void unrecognizedBinaryIsSuspiciousAndUnsupportedArchivesAreMalformed() {
        assertRule(
                scan("blob.bin", new byte[] {0, 1, 2, 3, (byte) 0xff, 0}), "format.unrecognized", ModelRisk.SUSPICIOUS);
        assertRule(
                scan("m.7z", new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0, 4}),
                "format.unsupported",
                ModelRisk.MALFORMED);
        assertRule(
                scan("modeling.py", "import os\n".getBytes(StandardCharsets.UTF_8)),
                "format.python-code",
                ModelRisk.SUSPICIOUS);
        assertEquals(
                ModelFormat.TEXT,
                scan("README.md", "# hi\n".getBytes(StandardCharsets.UTF_8)).format());
        assertEquals(ModelRisk.SAFE, scan("empty", new byte[0]).risk());
    }
}
