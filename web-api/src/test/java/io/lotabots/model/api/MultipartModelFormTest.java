package io.lotabots.model.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.model.boundary.ModelSource;
import io.lotabots.platform.refusal.Refusal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartModelFormTest {

    private static final String BOUNDARY = "----lotabots-form";
    private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private record Received(ModelSource source, String fileName, byte[] content) {}

    private final List<Received> received = new ArrayList<>();

    private String read(byte[] body) throws IOException {
        return new MultipartModelForm(new ByteArrayInputStream(body), TYPE, body.length)
                .read((source, fileName, content) ->
                        received.add(new Received(source, fileName, content.readAllBytes())));
    }

    @Test
    void theContentPartIsHandedOnByteForByteAndTheNameIsRead() throws Exception {
        byte[] weights = new byte[3_000_000];
        new Random(3).nextBytes(weights);
        // bytes that look like a boundary line, but are not this one
        byte[] tricky = ("\r\n--" + BOUNDARY.substring(0, 10) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tricky, 0, weights, 1000, tricky.length);

        String name = read(body(file("file", "mödel.bin", weights), text("name", "Llama 3 – 8B")));

        assertEquals("Llama 3 – 8B", name);
        assertEquals(1, received.size());
        assertEquals(ModelSource.FILE, received.get(0).source());
        assertEquals("mödel.bin", received.get(0).fileName());
        assertArrayEquals(weights, received.get(0).content());
    }

    @Test
    void anArchivePartIsHandedOnAsArchive() throws Exception {
        read(body(text("name", "dir"), file("archive", "model.zip", new byte[] {'P', 'K', 3, 4})));

        assertEquals(ModelSource.ARCHIVE, received.get(0).source());
    }

    @Test
    void aBodyThatEndsWithoutItsClosingBoundaryIsMalformedNeverAShorterFile() {
        byte[] whole = body(text("name", "m"), file("file", "m.bin", new byte[100_000]));
        byte[] cut = Arrays.copyOf(whole, whole.length - 5000);

        assertThrows(IOException.class, () -> read(cut));
    }

    @Test
    void anUnknownPartIsRefusedNamingIt() {
        var refused = assertThrows(Refusal.class, () -> read(body(text("nom", "m"))));

        assertEquals("nom", refused.problems().get(0).field());
    }

    @Test
    void aPartWithoutANameIsRefusedByItsPosition() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        var refused = assertThrows(Refusal.class, () -> read(body));

        assertEquals("parts[0]", refused.problems().get(0).field());
    }

    @Test
    void aNameSentTwiceOrTooLongOrNotUtf8IsRefused() {
        assertEquals(
                "name",
                assertThrows(Refusal.class, () -> read(body(text("name", "a"), text("name", "b"))))
                        .problems()
                        .get(0)
                        .field());
        assertThrows(Refusal.class, () -> read(body(text("name", "x".repeat(801)))));
        assertThrows(Refusal.class, () -> read(body(part("name", null, new byte[] {(byte) 0xff, (byte) 0xfe}))));
    }

    @Test
    void aFormWithoutANameReadsAsNoName() throws Exception {
        assertEquals(null, read(body(file("file", "m.bin", new byte[] {1}))));
    }

    private static byte[] text(String name, String value) {
        return part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] file(String name, String fileName, byte[] content) {
        return part(name, fileName, content);
    }

    private static byte[] part(String name, String fileName, byte[] content) {
        var out = new ByteArrayOutputStream();
        String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream");
        out.writeBytes(("--" + BOUNDARY + "\r\n" + disposition + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
