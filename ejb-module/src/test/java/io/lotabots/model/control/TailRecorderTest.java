package io.lotabots.model.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TailRecorderTest {

    @Test
    void keepsTheLastBytesHoweverTheyWereRead() throws Exception {
        byte[] data = new byte[10_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        var tail = new TailRecorder(new ByteArrayInputStream(data), 777);
        tail.readNBytes(123);
        tail.read();
        tail.readNBytes(5000);
        tail.drain();

        assertEquals(data.length, tail.total());
        assertArrayEquals(Arrays.copyOfRange(data, data.length - 777, data.length), tail.tail());
    }

    @Test
    void aShortStreamIsKeptWhole() throws Exception {
        var tail = new TailRecorder(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        tail.drain();

        assertArrayEquals(new byte[] {1, 2, 3}, tail.tail());
    }
}
