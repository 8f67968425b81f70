package io.lotabots.model.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DigestingStreamTest {

    @Test
    void digestsCountsAndSniffsInOnePassAnnouncingEveryChunkFirst() throws Exception {
        byte[] data = new byte[1_000_003];
        new Random(1).nextBytes(data);
        data[0] = 'G';
        data[1] = 'G';
        data[2] = 'U';
        data[3] = 'F';
        var announced = new AtomicLong();
        var stream = new DigestingStream(new ByteArrayInputStream(data), announced::addAndGet);

        stream.read();
        stream.readNBytes(10);
        stream.transferTo(java.io.OutputStream.nullOutputStream());
        var file = stream.received("weights.gguf", "k");

        assertEquals(data.length, announced.get());
        assertEquals(data.length, file.size());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), file.sha256());
        assertEquals("gguf", file.format());
        assertEquals("weights.gguf", file.path());
    }

    @Test
    void aRefusalOfTheAllowanceStopsTheBytesBeforeTheReaderGetsThem() {
        var stream = new DigestingStream(new ByteArrayInputStream(new byte[100]), bytes -> {
            throw new IllegalStateException("over quota");
        });

        assertThrows(IllegalStateException.class, () -> stream.readNBytes(10));
    }
}
