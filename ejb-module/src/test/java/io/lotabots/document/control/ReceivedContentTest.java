package io.lotabots.document.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReceivedContentTest {

    @Test
    void countsAndHashesWhatPassesThrough() throws IOException {
        var received = new ReceivedContent(new ByteArrayInputStream("abc".getBytes()), 3, max -> {
            throw new IllegalStateException();
        });
        assertEquals(3, received.readAllBytes().length);
        assertEquals(3, received.size());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", received.sha256Hex());
    }

    @Test
    void stopsAsSoonAsTheLimitIsPassed() {
        var received = new ReceivedContent(new ByteArrayInputStream(new byte[10]), 9, max -> {
            throw new IllegalArgumentException("over " + max);
        });
        var e = assertThrows(IllegalArgumentException.class, received::readAllBytes);
        assertEquals("over 9", e.getMessage());
    }
}
