package io.lotabots.platform;

import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Metrics;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document, as operators and scrapers reach them. */
class OperationsEndpointsIT {

    private final ApiClient api = new ApiClient();

    @Test
    void readinessIsUpAndNamesEveryDependency() {
        var response = api.get("/health/ready");

        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> checks = checks(json(response));
        assertEquals(Map.of("postgresql", "UP", "redis", "UP", "s3", "UP", "messaging", "UP"), checks);
    }

    @Test
    void livenessIsUp() {
        var response = api.get("/health/live");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", json(response).getString("status"));
    }

    @Test
    void metricsArePrometheusTextWithDependencyGauges() {
        var response = Metrics.scrape("/metrics");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().contains("# TYPE "), "Prometheus exposition format");
        assertTrue(response.body().contains("dependency_up{dependency=\"postgresql\""), "dependency gauge");
    }

    @Test
    void openApiDocumentDescribesTheAttestationResources() {
        var response = api.get("/openapi");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/attestations/hardware/nonces"), response.body());
        assertTrue(response.body().contains("LotaBots API"));
        assertEquals(200, api.get("/openapi/ui/").statusCode());
    }

    static Map<String, String> checks(JsonObject health) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }
}
