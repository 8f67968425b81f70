package io.lotabots.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body as curl -F builds it: text fields, and files with a name and octet-stream type. */
final class Multipart {

    private final String boundary = "----lotabots-" + UUID.randomUUID();
    private final List<byte[]> chunks = new ArrayList<>();

    Multipart text(String name, String value) {
        add("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n", value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Multipart file(String name, String fileName, byte[] content) {
        add(
                "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n",
                content);
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
        var out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private void add(String headers, byte[] content) {
        chunks.add(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
        chunks.add(content);
        chunks.add("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
