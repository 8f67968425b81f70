package io.lotabots.document;

import io.lotabots.testsupport.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** Document upload bodies as curl -F builds them (metadata, then file), sent whole or streamed, and downloads. */
final class DocumentUploads {

    static final String DOCUMENTS = "/api/v1/documents";

    private final String boundary = "----lotabots-document-" + UUID.randomUUID();
    private final List<Supplier<InputStream>> chunks = new ArrayList<>();
    private long length;

    static DocumentUploads form() {
        return new DocumentUploads();
    }

    /** A form with metadata {title} and a file of these bytes declared as {@code type}. */
    static DocumentUploads of(String title, String type, byte[] content) {
        return form().metadata("{\"title\":\"" + title + "\"}").file("doc.bin", type, content);
    }

    DocumentUploads metadata(String json) {
        return part(
                "Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    DocumentUploads file(String fileName, String type, byte[] content) {
        return part(fileHeader(fileName, type), content);
    }

    /** A file part of {@code size} bytes made as they are sent. */
    DocumentUploads generatedFile(String fileName, String type, long size, Supplier<InputStream> content) {
        text("--" + boundary + "\r\n" + fileHeader(fileName, type) + "\r\n\r\n");
        chunks.add(content);
        length += size;
        text("\r\n");
        return this;
    }

    DocumentUploads part(String headers, byte[] content) {
        text("--" + boundary + "\r\n" + headers + "\r\n\r\n");
        chunks.add(() -> new ByteArrayInputStream(content));
        length += content.length;
        text("\r\n");
        return this;
    }

    private static String fileHeader(String fileName, String type) {
        return "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\""
                + (type == null ? "" : "\r\nContent-Type: " + type);
    }

    private void text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        chunks.add(() -> new ByteArrayInputStream(bytes));
        length += bytes.length;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    InputStream stream() {
        var all = new ArrayList<>(chunks);
        all.add(() -> new ByteArrayInputStream(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
        return new SequenceInputStream(
                Collections.enumeration(all.stream().map(Supplier::get).toList()));
    }

    long length() {
        return length + ("--" + boundary + "--\r\n").length();
    }

    /** POSTed with its Content-Length over HTTP/1.1 (as curl sends it). */
    HttpResponse<String> send(ApiClient api) {
        return api.send(HttpRequest.newBuilder(ApiClient.uri(DOCUMENTS))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", contentType())
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(this::stream), length())));
    }

    /** POSTed chunked, without a Content-Length. */
    HttpResponse<String> sendChunked(ApiClient api) {
        return api.send(HttpRequest.newBuilder(ApiClient.uri(DOCUMENTS))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", contentType())
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(this::stream)));
    }

    /** Uploads and returns the created document's JSON; fails unless 201. */
    static jakarta.json.JsonObject created(ApiClient api, DocumentUploads form) {
        var response = form.send(api);
        if (response.statusCode() != 201) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.body());
        }
        return ApiClient.json(response);
    }

    /** PUT of a new version's content, with If-Match when not null. */
    static HttpResponse<String> putContent(ApiClient api, String id, String type, byte[] content, String ifMatch) {
        var request = HttpRequest.newBuilder(ApiClient.uri(DOCUMENTS + "/" + id + "/content"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", type)
                .header("X-File-Name", "v.bin")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    /** PATCH with a merge patch, with If-Match when not null. */
    static HttpResponse<String> patch(ApiClient api, String id, String mergePatch, String ifMatch) {
        var request = HttpRequest.newBuilder(ApiClient.uri(DOCUMENTS + "/" + id))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    /** A GET whose body is kept as bytes, with a Range header when not null. */
    static HttpResponse<byte[]> download(String bearer, String path, String range) {
        var request = HttpRequest.newBuilder(ApiClient.uri(path))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + bearer);
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body is only hashed as it arrives: for contents too large to hold. */
    static String downloadedSha256(String bearer, String path) {
        var request = HttpRequest.newBuilder(ApiClient.uri(path))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + bearer);
        try {
            var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("download answered " + response.statusCode());
            }
            try (var in = response.body()) {
                return sha256(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return sha256(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} bytes from a seeded generator: the same bytes every time, never held whole. */
    static InputStream generated(long size, long seed) {
        return new InputStream() {
            private final Random random = new Random(seed);
            private final byte[] block = new byte[8192];
            private int at = block.length;
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                if (at == block.length) {
                    random.nextBytes(block);
                    at = 0;
                }
                int n = (int) Math.min(Math.min(len, block.length - at), left);
                System.arraycopy(block, at, b, off, n);
                at += n;
                left -= n;
                return n;
            }
        };
    }

    static byte[] bytes(int size, long seed) {
        try {
            return generated(size, seed).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
