package io.lotabots.model;

import io.lotabots.testsupport.ApiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Model upload bodies as curl -F builds them (name, then file or archive), sent in one piece or streamed. */
public final class ModelUploads {

    public static final String MODELS = "/api/v1/models";

    private final String boundary = "----lotabots-model-" + UUID.randomUUID();
    private final List<Supplier<InputStream>> chunks = new ArrayList<>();
    private long length;

    public static ModelUploads form() {
        return new ModelUploads();
    }

    public ModelUploads name(String name) {
        return part("Content-Disposition: form-data; name=\"name\"", name.getBytes(StandardCharsets.UTF_8));
    }

    public ModelUploads file(String fileName, byte[] content) {
        return part(fileHeader("file", fileName), content);
    }

    public ModelUploads archive(byte[] zip) {
        return part(fileHeader("archive", "model.zip"), zip);
    }

    /** A content part of {@code size} bytes made as they are sent (nothing held in memory or on disk). */
    ModelUploads generatedFile(String part, String fileName, long size, Supplier<InputStream> content) {
        text("--" + boundary + "\r\n" + fileHeader(part, fileName) + "\r\n\r\n");
        chunks.add(content);
        length += size;
        text("\r\n");
        return this;
    }

    ModelUploads part(String headers, byte[] content) {
        text("--" + boundary + "\r\n" + headers + "\r\n\r\n");
        chunks.add(() -> new java.io.ByteArrayInputStream(content));
        length += content.length;
        text("\r\n");
        return this;
    }

    private static String fileHeader(String part, String fileName) {
        return "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream";
    }

    private void text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        chunks.add(() -> new java.io.ByteArrayInputStream(bytes));
        length += bytes.length;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    InputStream stream() {
        var all = new ArrayList<>(chunks);
        all.add(() ->
                new java.io.ByteArrayInputStream(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
        return new SequenceInputStream(
                Collections.enumeration(all.stream().map(Supplier::get).toList()));
    }

    long length() {
        return length + ("--" + boundary + "--\r\n").length();
    }

    /**
     * POSTed with its Content-Length, over HTTP/1.1 as curl sends it: the JDK client's default HTTP/2 attempt
     * asks for an h2c upgrade, and Liberty reads the whole body of an upgrade request into memory first.
     */
    public HttpResponse<String> send(ApiClient api) {
        return api.send(HttpRequest.newBuilder(ApiClient.uri(MODELS))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Content-Type", contentType())
                .timeout(java.time.Duration.ofMinutes(60))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(this::stream), length())));
    }

    /** POSTed chunked, without a Content-Length: nothing is known of its size before it arrives. */
    public HttpResponse<String> sendChunked(ApiClient api) {
        return api.send(HttpRequest.newBuilder(ApiClient.uri(MODELS))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(this::stream)));
    }

    /** What the coreutils sha256sum prints for these bytes (run on a temporary file). */
    static String sha256sum(byte[] bytes) {
        try {
            var file = Files.createTempFile("model", ".bin");
            try {
                Files.write(file, bytes);
                var process = new ProcessBuilder("sha256sum", file.toString()).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("sha256sum failed");
                }
                return out.substring(0, 64);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip of the given entries (name, bytes), in order, deflated as most zip tools write them. */
    public static byte[] zip(Object... namesAndContents) {
        var out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry((String) namesAndContents[i]));
                Object content = namesAndContents[i + 1];
                zip.write(content instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
