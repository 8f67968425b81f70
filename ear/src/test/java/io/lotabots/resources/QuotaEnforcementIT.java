package io.lotabots.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.model.ModelUploads;
import io.lotabots.model.StoredState;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The stored-model-bytes quota against real uploads: refused with 409 naming the quota, what is in use and
 * the limit, before or while storing, audited, leaving nothing; and parallel uploads never together pass it.
 */
class QuotaEnforcementIT {

    private static final int MIB = 1024 * 1024;

    @Test
    void anUploadThatDoesNotFitIsRefusedBeforeAnythingIsStoredNamingTheQuota() {
        var tenant = TestTenant.create("quota-refusal");
        var admin = tenant.admin();
        Quotas.set(admin, 12 * MIB, 4, 3600);
        var before = StoredState.of(tenant.id());
        long refusals = Quotas.events(tenant.id(), "resources.quota.refused");

        var response = ModelUploads.form()
                .name("too big")
                .file("m.bin", bytes(13 * MIB))
                .send(admin);

        JsonObject problem = problem(response);
        assertEquals(0, problem.getJsonNumber("used").longValue());
        assertEquals(before, StoredState.of(tenant.id()));
        assertEquals(refusals + 1, Quotas.events(tenant.id(), "resources.quota.refused"));
        String[] event = Quotas.latestEvent(tenant.id(), "resources.quota.refused");
        assertEquals(tenant.adminId().toString(), event[0]);
        assertEquals("DENIED", event[2]);
        assertTrue(event[3].contains("stored-model-bytes"), event[3]);
    }

    @Test
    void aChunkedUploadThatOutgrowsTheQuotaIsRefusedWhileStoringAndItsMultipartUploadAborted() {
        var tenant = TestTenant.create("quota-streaming");
        var admin = tenant.admin();
        Quotas.set(admin, 12 * MIB, 4, 3600);
        var before = StoredState.of(tenant.id());

        // no Content-Length: the first 8 MiB part is stored before the quota is passed
        var response =
                ModelUploads.form().name("grows").file("m.bin", bytes(20 * MIB)).sendChunked(admin);

        JsonObject problem = problem(response);
        assertTrue(problem.getJsonNumber("used").longValue() <= 12 * MIB, problem.toString());
        assertEquals(before, StoredState.of(tenant.id()));
    }

    @Test
    void storedModelsCountUntilTheyAreDeleted() {
        var tenant = TestTenant.create("quota-usage");
        var admin = tenant.admin();
        Quotas.set(admin, 3 * MIB, 4, 3600);
        var first = ModelUploads.form().name("a").file("a.bin", bytes(2 * MIB)).send(admin);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(
                2 * MIB,
                ApiClient.json(admin.get(Quotas.QUOTAS)).getJsonObject("usage").getInt("storedModelBytes"));

        JsonObject refused = problem(
                ModelUploads.form().name("b").file("b.bin", bytes(2 * MIB)).send(admin));
        assertEquals(2 * MIB, refused.getJsonNumber("used").longValue());
        assertEquals(3 * MIB, refused.getJsonNumber("limit").longValue());

        assertEquals(
                204,
                admin.delete(ModelUploads.MODELS + "/" + ApiClient.json(first).getString("id"))
                        .statusCode());
        assertEquals(
                201,
                ModelUploads.form()
                        .name("b")
                        .file("b.bin", bytes(2 * MIB))
                        .send(admin)
                        .statusCode());
    }

    @Test
    void parallelUploadsNeverTogetherPassTheQuota() throws Exception {
        var tenant = TestTenant.create("quota-parallel");
        var admin = tenant.admin();
        Quotas.set(admin, 25 * MIB, 4, 3600);
        String token = tenant.administrator().tokens().getString("access_token");

        var answers = parallel(8, i -> ModelUploads.form()
                .name("p" + i)
                .file("p.bin", bytes(10 * MIB))
                .send(ApiClient.withToken(token)));

        long stored = answers.stream().filter(r -> r.statusCode() == 201).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 409).count();
        assertEquals(2, stored, statuses(answers));
        assertEquals(6, refused, statuses(answers));
        answers.stream().filter(r -> r.statusCode() == 409).forEach(QuotaEnforcementIT::problem);
        var state = StoredState.of(tenant.id());
        assertEquals(2, state.models());
        assertEquals(20 * MIB, state.storedBytes());
        assertEquals(0, state.reservations());
        assertEquals(2, state.objects().size());
        assertEquals(List.of(), state.unfinishedUploads());
    }

    @Test
    void parallelChunkedUploadsOfUnknownSizeNeverTogetherPassTheQuotaEither() throws Exception {
        var tenant = TestTenant.create("quota-chunked");
        var admin = tenant.admin();
        Quotas.set(admin, 25 * MIB, 4, 3600);
        String token = tenant.administrator().tokens().getString("access_token");

        var answers = parallel(6, i -> ModelUploads.form()
                .name("c" + i)
                .file("c.bin", bytes(10 * MIB))
                .sendChunked(ApiClient.withToken(token)));

        long stored = answers.stream().filter(r -> r.statusCode() == 201).count();
        assertEquals(
                answers.size(),
                stored + answers.stream().filter(r -> r.statusCode() == 409).count(),
                statuses(answers));
        assertTrue(stored <= 2, statuses(answers));
        var state = StoredState.of(tenant.id());
        assertEquals(stored, state.models());
        assertEquals(stored * 10 * MIB, state.storedBytes());
        assertEquals(0, state.reservations());
        assertEquals(stored, state.objects().size());
        assertEquals(List.of(), state.unfinishedUploads());
    }

    interface Upload {
        HttpResponse<String> send(int index) throws Exception;
    }

    private static List<HttpResponse<String>> parallel(int count, Upload upload) throws Exception {
        var pool = Executors.newFixedThreadPool(count);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                    start.await();
                    return upload.send(index);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String statuses(List<HttpResponse<String>> answers) {
        return answers.stream()
                .map(r -> r.statusCode() + " " + r.body())
                .toList()
                .toString();
    }

    private static JsonObject problem(HttpResponse<String> response) {
        assertEquals(409, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = ApiClient.json(response);
        assertEquals("https://lotabots.io/problems/quota-exceeded", problem.getString("type"));
        assertEquals("stored-model-bytes", problem.getString("quota"));
        assertTrue(problem.containsKey("used") && problem.containsKey("limit"), problem.toString());
        return problem;
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
