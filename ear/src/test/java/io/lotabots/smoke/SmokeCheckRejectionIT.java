package io.lotabots.smoke;

import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input gets a problem+json answer with the right status and changes nothing. */
class SmokeCheckRejectionIT {

    private final ApiClient api = ApiClient.asAdmin();
    private final DevServicesReport services = new DevServicesReport();

    @Test
    void blankMessageIsAValidationErrorNamingTheField() throws SQLException {
        long before = rows();

        var response = api.postJson("/api/v1/smoke-checks", "{\"message\": \"  \"}");

        JsonObject problem = problem(response, 400);
        assertEquals("https://lotabots.io/problems/validation", problem.getString("type"));
        assertEquals("message", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(before, rows(), "no row written");
    }

    @Test
    void tooLongMessageIsAValidationError() {
        var response = api.postJson("/api/v1/smoke-checks", ApiClient.smokeBody("x".repeat(501)));

        assertEquals(
                "message",
                problem(response, 400).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void missingBodyIsAValidationError() {
        assertEquals(400, api.postJson("/api/v1/smoke-checks", "").statusCode());
    }

    @Test
    void malformedJsonIsABadRequest() {
        var problem = problem(api.postJson("/api/v1/smoke-checks", "{\"message\": "), 400);

        assertEquals("https://lotabots.io/problems/malformed-body", problem.getString("type"));
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        problem(api.post("/api/v1/smoke-checks", "text/plain", "hello"), 415);
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLarge() throws SQLException {
        long before = rows();
        String huge = "{\"message\": \"" + "x".repeat(1_100_000) + "\"}";

        problem(api.postJson("/api/v1/smoke-checks", huge), 413);

        assertEquals(before, rows(), "no row written");
    }

    @Test
    void unknownCheckIsNotFound() {
        problem(api.get("/api/v1/smoke-checks/" + UUID.randomUUID()), 404);
    }

    @Test
    void malformedIdIsNotFound() {
        problem(api.get("/api/v1/smoke-checks/not-a-uuid"), 404);
    }

    @Test
    void unknownRouteIsNotFoundAsProblemJson() {
        assertEquals(
                "https://lotabots.io/problems/not-found",
                problem(api.get("/api/v1/no-such-resource"), 404).getString("type"));
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        var response = api.send(java.net.http.HttpRequest.newBuilder(ApiClient.uri("/api/v1/smoke-checks"))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody()));

        problem(response, 405);
        assertTrue(response.headers().firstValue("Allow").isPresent(), "Allow header kept");
    }

    private static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = json(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("type").startsWith("https://lotabots.io/problems/"));
        assertTrue(!problem.getString("title").isBlank()
                && !problem.getString("detail").isBlank());
        assertTrue(!response.body().contains("Exception"), "no stack trace or exception name: " + response.body());
        return problem;
    }

    private long rows() throws SQLException {
        try (var c = services.database();
                var rs = c.createStatement().executeQuery("select count(*) from lotabots.smoke_check")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
