package io.lotabots.smoke;

import static io.lotabots.testsupport.ApiClient.json;
import static io.lotabots.testsupport.ApiClient.smokeBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole chain over HTTP: REST → EJB → PostgreSQL → JMS → MDB → S3 → Redis → REST. */
class SmokeCheckIT {

    private final ApiClient api = ApiClient.asAdmin();

    @Test
    void acceptedCheckIsProcessedAsynchronouslyAndItsResultReadBackFromS3() throws Exception {
        String message = "walking skeleton " + UUID.randomUUID();

        var accepted = api.postJson("/api/v1/smoke-checks", smokeBody(message));

        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonObject pending = json(accepted);
        assertEquals("PENDING", pending.getString("status"));
        assertTrue(location.endsWith("/api/v1/smoke-checks/" + pending.getString("id")), location);

        JsonObject done = api.awaitFinal(location);

        assertEquals("COMPLETED", done.getString("status"), done.toString());
        String expectedDigest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expectedDigest, done.getString("resultSha256"));
        JsonObject result = done.getJsonObject("result");
        assertNotNull(result, "result document read back from S3");
        assertEquals(pending.getString("id"), result.getString("id"));
        assertEquals(expectedDigest, result.getString("inputSha256"));
        assertEquals(message, done.getString("message"));
    }

    @Test
    void completedCheckIsServedFromTheRedisCacheOnTheSecondRead() {
        var accepted = api.postJson("/api/v1/smoke-checks", smokeBody("cache me"));
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertEquals("COMPLETED", api.awaitFinal(location).getString("status"));
        double hitsBefore = cacheHits();

        var again = api.get(location);

        assertEquals(200, again.statusCode());
        assertEquals("COMPLETED", json(again).getString("status"));
        assertTrue(cacheHits() > hitsBefore, "a cache hit was counted");
    }

    private double cacheHits() {
        String metrics = api.get("/metrics?scope=application").body();
        return metrics.lines()
                .filter(l -> l.startsWith("cache_gets_total{")
                        && l.contains("cache=\"smoke-checks\"")
                        && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
