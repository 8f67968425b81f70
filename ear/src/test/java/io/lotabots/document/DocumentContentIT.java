package io.lotabots.document;

import static io.lotabots.document.DocumentUploads.DOCUMENTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Document content through the API against the real server, PostgreSQL and S3: byte-exact round trips of
 * every size that matters, ranges (one, several, none satisfiable), new versions guarded by If-Match, and
 * what is refused (executables, types that are not what they claim, too large) leaving nothing behind.
 */
class DocumentContentIT {

    /** lotabots.document.max-bytes in the test server. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private static TestTenant tenant;
    private static ApiClient admin;
    private static String bearer;

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("documents");
        admin = tenant.admin();
        bearer = tenant.administrator().tokens().getString("access_token");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 65535, 65536, 65537})
    void contentIsReadBackByteForByteWithItsTypeLengthAndName(int size) {
        byte[] content = DocumentUploads.bytes(size, size);
        var document = DocumentUploads.created(
                admin,
                DocumentUploads.form()
                        .metadata("{\"title\":\"size " + size + "\"}")
                        .file("bytes " + size + ".bin", "application/octet-stream", content));

        var read = DocumentUploads.download(bearer, DOCUMENTS + "/" + document.getString("id") + "/content", null);

        assertEquals(200, read.statusCode());
        assertArrayEquals(content, read.body());
        assertEquals(
                "application/octet-stream",
                read.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                String.valueOf(size),
                read.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(
                "attachment; filename=\"bytes " + size + ".bin\"",
                read.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(size, document.getJsonNumber("size").longValue());
        assertEquals(DocumentUploads.sha256(content), document.getString("sha256"));
        assertEquals(
                List.of("documents/" + tenant.id() + "/" + document.getString("id") + "/v1"),
                TestBucket.keys("documents/" + tenant.id() + "/" + document.getString("id") + "/"));
    }

    @Test
    void aDocumentOfTheLargestAllowedSizeStreamsInAndOutUnchanged() {
        var form = DocumentUploads.form()
                .metadata("{\"title\":\"largest\"}")
                .generatedFile(
                        "large.bin",
                        "application/octet-stream",
                        MAX_BYTES,
                        () -> DocumentUploads.generated(MAX_BYTES, 42));
        String expected;
        try (var in = DocumentUploads.generated(MAX_BYTES, 42)) {
            expected = DocumentUploads.sha256(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        var document = DocumentUploads.created(admin, form);

        assertEquals(MAX_BYTES, document.getJsonNumber("size").longValue());
        assertEquals(expected, document.getString("sha256"));
        assertEquals(
                expected,
                DocumentUploads.downloadedSha256(bearer, DOCUMENTS + "/" + document.getString("id") + "/content"));
        assertEquals(List.of(), TestBucket.unfinishedUploads("documents/" + tenant.id() + "/"));
    }

    @Test
    void oneRangeIsAnsweredWith206AndItsContentRange() {
        byte[] content = DocumentUploads.bytes(1000, 7);
        String id = DocumentUploads.created(admin, DocumentUploads.of("ranges", "application/octet-stream", content))
                .getString("id");
        String path = DOCUMENTS + "/" + id + "/content";

        var middle = DocumentUploads.download(bearer, path, "bytes=100-199");
        var suffix = DocumentUploads.download(bearer, path, "bytes=-10");
        var open = DocumentUploads.download(bearer, path, "bytes=990-");

        assertEquals(206, middle.statusCode());
        assertArrayEquals(Arrays.copyOfRange(content, 100, 200), middle.body());
        assertEquals(
                "bytes 100-199/1000",
                middle.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("100", middle.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(content, 990, 1000), suffix.body());
        assertArrayEquals(Arrays.copyOfRange(content, 990, 1000), open.body());
        assertEquals(
                "bytes 990-999/1000", open.headers().firstValue("Content-Range").orElseThrow());
    }

    @Test
    void severalRangesAreAnsweredAsMultipartByteranges() {
        byte[] content = DocumentUploads.bytes(500, 8);
        String id = DocumentUploads.created(admin, DocumentUploads.of("multi", "text/plain", content))
                .getString("id");

        var read = DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/content", "bytes=0-9, 400-409");

        assertEquals(206, read.statusCode());
        String type = read.headers().firstValue("Content-Type").orElseThrow();
        // Liberty writes the parameter without the space after ';'
        assertTrue(type.matches("multipart/byteranges;\\s*boundary=\\S+"), type);
        String boundary = type.substring(type.indexOf("boundary=") + 9);
        byte[] body = read.body();
        assertEquals(
                String.valueOf(body.length),
                read.headers().firstValue("Content-Length").orElseThrow());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertEquals(3, text.split("--" + boundary, -1).length - 1, "two parts and the closing delimiter");
        assertTrue(text.contains("Content-Range: bytes 0-9/500"));
        assertTrue(text.contains("Content-Range: bytes 400-409/500"));
        assertTrue(text.contains(new String(Arrays.copyOfRange(content, 0, 10), StandardCharsets.ISO_8859_1)));
        assertTrue(text.contains(new String(Arrays.copyOfRange(content, 400, 410), StandardCharsets.ISO_8859_1)));
        assertTrue(text.endsWith("--" + boundary + "--\r\n"));
    }

    @Test
    void aRangeBeyondTheEndIs416WithTheLength() {
        String id = DocumentUploads.created(admin, DocumentUploads.of("short", "text/plain", new byte[] {'a', 'b'}))
                .getString("id");

        var read = DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/content", "bytes=2-5");

        assertEquals(416, read.statusCode());
        assertEquals("bytes */2", read.headers().firstValue("Content-Range").orElseThrow());
        assertTrue(read.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    @Test
    void aNewVersionNeedsIfMatchAndKeepsTheOldOneReadable() {
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second version".getBytes(StandardCharsets.UTF_8);
        var created = DocumentUploads.of("versioned", "text/plain", first).send(admin);
        String id = ApiClient.json(created).getString("id");
        String etag = ApiClient.etag(created);

        var missing = DocumentUploads.putContent(admin, id, "text/plain", second, null);
        var stale = DocumentUploads.putContent(admin, id, "text/plain", second, "\"999\"");
        var replaced = DocumentUploads.putContent(admin, id, "text/markdown", second, etag);

        assertEquals(428, missing.statusCode(), missing.body());
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(etag, ApiClient.etag(stale), "a 412 names the current version");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(!etag.equals(ApiClient.etag(replaced)));
        assertEquals(2, ApiClient.json(replaced).getInt("currentVersion"));
        assertArrayEquals(
                second,
                DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/content", null)
                        .body());
        var v2 = DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/versions/2/content", null);
        assertTrue(v2.headers().firstValue("Content-Type").orElseThrow().startsWith("text/markdown"));
        assertArrayEquals(
                first,
                DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/versions/1/content", null)
                        .body());
        assertEquals(
                404,
                DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/versions/3/content", null)
                        .statusCode());
        assertEquals(
                2,
                TestBucket.keys("documents/" + tenant.id() + "/" + id + "/").size(),
                "no object of the refused PUTs");
    }

    @Test
    void ofConcurrentNewVersionsBasedOnOneEtagExactlyOneWins() throws Exception {
        var created = DocumentUploads.of("raced", "text/plain", "v1".getBytes(StandardCharsets.UTF_8))
                .send(admin);
        String id = ApiClient.json(created).getString("id");
        String etag = ApiClient.etag(created);
        int racers = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            var answers = new java.util.ArrayList<Future<Integer>>();
            for (int i = 0; i < racers; i++) {
                byte[] content = ("racer " + i).getBytes(StandardCharsets.UTF_8);
                Callable<Integer> racer = () -> {
                    start.await();
                    return DocumentUploads.putContent(admin, id, "text/plain", content, etag)
                            .statusCode();
                };
                answers.add(pool.submit(racer));
            }
            start.countDown();
            var statuses = new java.util.ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(racers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        var document = ApiClient.json(admin.get(DOCUMENTS + "/" + id));
        assertEquals(2, document.getInt("currentVersion"));
        assertEquals(
                2, TestBucket.keys("documents/" + tenant.id() + "/" + id + "/").size(), "the losers' objects are gone");
    }

    @Test
    void executablesAreRefusedWith415WhateverTheyClaimAndNothingIsStored() {
        var before = TestBucket.keys("documents/" + tenant.id() + "/");
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        byte[] pe = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        byte[] machO = {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0};
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);

        for (byte[] executable : List.of(elf, pe, machO, script)) {
            var response = DocumentUploads.of("exe", "text/plain", executable).send(admin);
            assertEquals(415, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"file\""), response.body());
        }
        assertEquals(before, TestBucket.keys("documents/" + tenant.id() + "/"));
    }

    @Test
    void aTypeOnTheVerifiedListMustBeWhatItsBytesAre() {
        var fakePdf = DocumentUploads.of("fake", "application/pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8))
                .send(admin);
        var pngAsPdf = DocumentUploads.of(
                        "png", "application/pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})
                .send(admin);
        var realPdf = DocumentUploads.of(
                        "real", "application/pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.UTF_8))
                .send(admin);

        assertEquals(415, fakePdf.statusCode(), fakePdf.body());
        assertEquals(415, pngAsPdf.statusCode(), pngAsPdf.body());
        assertEquals(201, realPdf.statusCode(), realPdf.body());
        String id = ApiClient.json(realPdf).getString("id");
        var refusedVersion = DocumentUploads.putContent(
                admin, id, "application/pdf", "plain".getBytes(StandardCharsets.UTF_8), ApiClient.etag(realPdf));
        assertEquals(415, refusedVersion.statusCode(), refusedVersion.body());
        assertEquals(
                1, TestBucket.keys("documents/" + tenant.id() + "/" + id + "/").size());
    }

    @Test
    void contentBeyondTheLimitIs413AndLeavesNoObjectNorUpload() {
        var before = TestBucket.keys("documents/" + tenant.id() + "/");
        var form = DocumentUploads.form()
                .metadata("{\"title\":\"too large\"}")
                .generatedFile(
                        "big.bin",
                        "application/octet-stream",
                        MAX_BYTES + 1,
                        () -> DocumentUploads.generated(MAX_BYTES + 1, 1));

        var response = form.sendChunked(admin);

        assertEquals(413, response.statusCode(), response.body());
        assertEquals(before, TestBucket.keys("documents/" + tenant.id() + "/"));
        assertEquals(List.of(), TestBucket.unfinishedUploads("documents/" + tenant.id() + "/"));
    }
}
