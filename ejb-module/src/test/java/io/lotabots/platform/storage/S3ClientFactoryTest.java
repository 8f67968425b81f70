package io.lotabots.platform.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The form of the PUTs the client sends, as an S3 endpoint receives them. */
class S3ClientFactoryTest {

    private record Received(String method, String path, Headers headers, byte[] body) {}

    private final AtomicReference<Received> received = new AtomicReference<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer endpoint;
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.set(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    body));
            exchange.getResponseHeaders().add("ETag", "\"etag\"");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
        var settings = new S3Settings();
        settings.endpoint =
                Optional.of("http://127.0.0.1:" + endpoint.getAddress().getPort());
        settings.region = "us-east-1";
        settings.bucket = "lotabots";
        settings.pathStyle = true;
        settings.accessKey = Optional.of("access");
        settings.secretKey = Optional.of("secret");
        settings.timeoutMillis = 5000;
        s3 = S3ClientFactory.create(
                settings,
                new S3CallTiming(
                        (operation, succeeded, took) -> calls.add(operation + (succeeded ? " succeeded" : " failed"))));
    }

    @AfterEach
    void stop() {
        s3.close();
        endpoint.stop(0);
    }

    @Test
    void putsADocumentAsOnePlainBodyWhoseDigestIsSigned() throws Exception {
        byte[] report = "{\"verdict\":\"affirming\"}".repeat(200).getBytes();

        put(report);

        var request = received.get();
        assertEquals("PUT", request.method());
        assertEquals("/lotabots/attestations/report-1.json", request.path());
        assertArrayEquals(report, request.body());
        assertEquals(String.valueOf(report.length), request.headers().getFirst("Content-Length"));
        assertNull(request.headers().getFirst("Content-Encoding"), "no aws-chunked framing");
        assertNull(request.headers().getFirst("x-amz-trailer"), "no trailing checksum");
        assertEquals(sha256Hex(report), request.headers().getFirst("x-amz-content-sha256"));
        assertEquals(crc32Base64(report), request.headers().getFirst("x-amz-checksum-crc32"));
    }

    @Test
    void timesEachCallOnceByOperationAndOutcomeWithItsRetries() {
        put("{}".getBytes());
        status = 500;
        assertThrows(S3Exception.class, () -> put("{}".getBytes()));

        assertEquals(List.of("PutObject succeeded", "PutObject failed"), calls, "one record per call, not per attempt");
    }

    private void put(byte[] content) {
        s3.putObject(
                b -> b.bucket("lotabots").key("attestations/report-1.json").contentType("application/json"),
                RequestBody.fromBytes(content));
    }

    private static String crc32Base64(byte[] content) {
        var crc = new CRC32();
        crc.update(content);
        return Base64.getEncoder()
                .encodeToString(
                        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String sha256Hex(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
