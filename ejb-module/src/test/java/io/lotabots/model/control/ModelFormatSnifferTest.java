package io.lotabots.model.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelFormatSnifferTest {

    private static String sniff(byte[] head) {
        return ModelFormatSniffer.sniff(head, Math.min(head.length, ModelFormatSniffer.HEAD_BYTES));
    }

    @Test
    void knownMagicBytesNameTheirFormat() {
        assertEquals("gguf", sniff(new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0}));
        assertEquals("zip", sniff(new byte[] {'P', 'K', 3, 4, 20, 0}));
        assertEquals("npy", sniff(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}));
        assertEquals("pickle", sniff(new byte[] {(byte) 0x80, 2, ']', 'q'}));
        assertEquals("pickle", sniff(new byte[] {(byte) 0x80, 5, (byte) 0x95}));
    }

    @Test
    void safetensorsIsAPlausibleHeaderLengthFollowedByAJsonObject() {
        byte[] head = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(88)
                .put("{\"__me".getBytes(StandardCharsets.US_ASCII))
                .array();

        assertEquals("safetensors", sniff(head));
    }

    @Test
    void anImplausibleSafetensorsHeaderLengthOrNoBracketIsUnknown() {
        byte[] huge = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(200_000_000L)
                .put((byte) '{')
                .array();
        byte[] noBrace = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(88)
                .put((byte) '[')
                .array();

        assertEquals("unknown", sniff(huge));
        assertEquals("unknown", sniff(noBrace));
    }

    @Test
    void shortOrUnrecognisedContentIsUnknownByNameNever() {
        assertEquals("unknown", sniff(new byte[0]));
        assertEquals("unknown", sniff(new byte[] {'P', 'K'}));
        assertEquals("unknown", sniff(new byte[] {(byte) 0x80, 9}));
        assertEquals("unknown", sniff("ir_version: 7 onnx".getBytes(StandardCharsets.US_ASCII)));
    }
}
