package io.lotabots.document;

import static io.lotabots.document.DocumentUploads.DOCUMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What happens to documents over time and under failure: a soft delete is purged with every version's object
 * after the retention period (5 s in the test server); an upload a dead server left is swept; S3 going away
 * mid-upload answers 503 and leaves no row, no object and no unfinished multipart upload; S3 away on read
 * answers 503 with Retry-After.
 */
class DocumentLifecycleIT {

    /** The janitor runs every 15 s; a few runs on a busy machine. */
    private static final Duration RUNS = Duration.ofSeconds(90);

    private static TestTenant tenant;
    private static ApiClient admin;
    private static String bearer;
    private final DevServicesReport services = new DevServicesReport();

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("document-life");
        admin = tenant.admin();
        bearer = tenant.administrator().tokens().getString("access_token");
    }

    @AfterEach
    void restore() {
        services.setReachable("s3", true);
        Eventually.await(
                Duration.ofSeconds(60),
                () -> new ApiClient().get("/health/ready").statusCode(),
                s -> s == 200,
                "readiness to recover");
    }

    private String prefix(String id) {
        return "documents/" + tenant.id() + "/" + id + "/";
    }

    @Test
    void aDeletedDocumentIsGoneAtOnceAndPurgedWithAllItsVersionsAfterTheRetentionPeriod() throws SQLException {
        var created = DocumentUploads.of("to purge", "text/plain", "v1".getBytes(StandardCharsets.UTF_8))
                .send(admin);
        String id = ApiClient.json(created).getString("id");
        var replaced = DocumentUploads.putContent(
                admin, id, "text/plain", "v2".getBytes(StandardCharsets.UTF_8), ApiClient.etag(created));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(2, TestBucket.keys(prefix(id)).size());

        assertEquals(
                412, admin.delete(DOCUMENTS + "/" + id, ApiClient.etag(created)).statusCode(), "a stale If-Match");
        assertEquals(
                204,
                admin.delete(DOCUMENTS + "/" + id, ApiClient.etag(replaced)).statusCode());

        assertEquals(404, admin.get(DOCUMENTS + "/" + id).statusCode());
        assertEquals(
                404,
                DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/content", null)
                        .statusCode());
        assertEquals(404, admin.delete(DOCUMENTS + "/" + id).statusCode());
        assertEquals(1, rows(id), "soft: the row stays until the purge");
        Eventually.await(RUNS, () -> rows(id), n -> n == 0, "the purge of document " + id);
        assertEquals(List.of(), TestBucket.keys(prefix(id)));
        assertEquals(
                0, count("select count(*) from lotabots.document_versions where document_id = ?", UUID.fromString(id)));
    }

    @Test
    void anUploadADeadServerLeftIsSwept() throws SQLException {
        UUID id = UUID.randomUUID();
        String key = prefix(id.toString()) + "v1";
        TestBucket.beginUpload(key, new byte[5 * 1024 * 1024]);
        TestBucket.put(key, "half".getBytes(StandardCharsets.UTF_8));
        try (var db = services.database();
                var insert = db.prepareStatement("insert into lotabots.document_uploads (object_key, tenant_id,"
                        + " document_id, new_document, started_at) values (?, ?, ?, true, ?)")) {
            insert.setString(1, key);
            insert.setObject(2, tenant.id());
            insert.setObject(3, id);
            insert.setTimestamp(4, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
            insert.executeUpdate();
        }

        Eventually.await(
                RUNS,
                () -> TestBucket.keys(prefix(id.toString())).size()
                        + TestBucket.unfinishedUploads(prefix(id.toString())).size(),
                n -> n == 0,
                "the sweeper to clear " + key);
        Eventually.await(
                RUNS,
                () -> count("select count(*) from lotabots.document_uploads where object_key = ?", key),
                n -> n == 0,
                "the upload's row to go");
    }

    @Test
    void s3StoppedMidUploadAnswers503AndLeavesNoRowNoObjectNoUnfinishedUpload() throws SQLException {
        long size = 40L * 1024 * 1024;
        long cutAt = 12L * 1024 * 1024; // after the first 8 MiB part went to S3
        var form = DocumentUploads.form()
                .metadata("{\"title\":\"cut off\"}")
                .generatedFile(
                        "cut.bin",
                        "application/octet-stream",
                        size,
                        () -> cutting(DocumentUploads.generated(size, 3), cutAt));
        long before = count("select count(*) from lotabots.documents where tenant_id = ?", tenant.id());
        // the tenant's other tests keep documents of their own under the same prefix
        int leftBefore = leftovers();

        Integer status;
        String body = "";
        try {
            HttpResponse<String> response = form.send(admin);
            status = response.statusCode();
            body = response.body();
        } catch (UncheckedIOException closedWhileSending) {
            status = null; // the server answered and closed before the client finished sending
        }

        assertTrue(status == null || status == 503, "status " + status + ": " + body);
        if (status != null) {
            assertTrue(body.contains("dependency-unavailable"), body);
        }
        services.setReachable("s3", true);
        assertEquals(before, count("select count(*) from lotabots.documents where tenant_id = ?", tenant.id()));
        // the circuit breaker first has to close again, then a janitor run (every 15 s) clears it
        Eventually.await(
                Duration.ofSeconds(240),
                this::leftovers,
                n -> n <= leftBefore,
                "no object, no unfinished upload, no upload row beyond the " + leftBefore + " there were before");
    }

    /** The tenant's objects, unfinished multipart uploads and upload rows. */
    private int leftovers() {
        return TestBucket.keys("documents/" + tenant.id() + "/").size()
                + TestBucket.unfinishedUploads("documents/" + tenant.id() + "/").size()
                + (int) count("select count(*) from lotabots.document_uploads where tenant_id = ?", tenant.id());
    }

    @Test
    void s3AwayOnReadAnswers503WithRetryAfterAndUploadsStoreNothing() throws SQLException {
        String id = ApiClient.json(DocumentUploads.of("outage", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                        .send(admin))
                .getString("id");
        long before = count("select count(*) from lotabots.documents where tenant_id = ?", tenant.id());

        services.setReachable("s3", false);
        var read = DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/content", null);
        var upload = DocumentUploads.of("during outage", "text/plain", "y".getBytes(StandardCharsets.UTF_8))
                .send(admin);
        var metadata = admin.get(DOCUMENTS + "/" + id);

        assertEquals(503, read.statusCode(), new String(read.body(), StandardCharsets.UTF_8));
        assertTrue(read.headers().firstValue("Retry-After").isPresent());
        assertTrue(read.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(503, upload.statusCode(), upload.body());
        assertTrue(upload.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, metadata.statusCode(), "metadata needs no S3: " + metadata.body());
        assertEquals(before, count("select count(*) from lotabots.documents where tenant_id = ?", tenant.id()));
        services.setReachable("s3", true);
        Eventually.await(
                RUNS,
                () -> DocumentUploads.download(bearer, DOCUMENTS + "/" + id + "/content", null)
                        .statusCode(),
                s -> s == 200,
                "reads to work again once S3 is back");
        assertEquals(1, TestBucket.keys("documents/" + tenant.id() + "/").size(), "only the first document's object");
    }

    /** The stream, with S3 taken away once {@code cutAt} bytes have been read from it. */
    private InputStream cutting(InputStream content, long cutAt) {
        return new java.io.FilterInputStream(content) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && read < cutAt && read + n >= cutAt) {
                    services.setReachable("s3", false);
                }
                read += Math.max(n, 0);
                return n;
            }
        };
    }

    private long rows(String id) {
        return count("select count(*) from lotabots.documents where id = ?", UUID.fromString(id));
    }

    private long count(String sql, Object parameter) {
        try (var db = services.database();
                var q = db.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
