package io.lotabots.audit;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls of the audit API and logins that leave known events behind, for the audit tests. */
final class AuditApi {

    /**
     * The sealer runs every 10 s; after a database outage earlier in the run (the outage tests) the
     * persistent executor takes the timer up again only at its next poll (2 minutes).
     */
    static final Duration SEALING = Duration.ofMinutes(3);

    private AuditApi() {}

    /**
     * A password login sent with the given User-Agent, from a client address of its own (through the
     * test server's trusted proxy), so deliberate failures never lock out the address other tests use.
     */
    static HttpResponse<String> login(String tenant, String username, String password, String userAgent) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return login(
                tenant,
                username,
                password,
                userAgent,
                "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }

    /** A password login sent with the given User-Agent from the given client address; returns the raw answer. */
    static HttpResponse<String> login(
            String tenant, String username, String password, String userAgent, String clientAddress) {
        var body = Json.createObjectBuilder()
                .add("tenant", tenant)
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
        return new ApiClient()
                .send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", userAgent)
                        .header("X-Forwarded-For", clientAddress)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GET /audit/events with the given query parameters (in order), answered 200; the page. */
    static JsonObject events(ApiClient client, Map<String, String> query) {
        var response = client.get(eventsPath(query));
        if (response.statusCode() != 200) {
            throw new AssertionError("events answered " + response.statusCode() + ": " + response.body());
        }
        return ApiClient.json(response);
    }

    static String eventsPath(Map<String, String> query) {
        return "/api/v1/audit/events"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&", "?", ""));
    }

    static List<JsonObject> items(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static JsonObject verification(ApiClient client) {
        var response = client.get("/api/v1/audit/verification");
        if (response.statusCode() != 200) {
            throw new AssertionError("verification answered " + response.statusCode() + ": " + response.body());
        }
        return ApiClient.json(response);
    }

    /** Waits until the tenant's chain holds at least {@code events} sealed events. */
    static JsonObject awaitSealed(ApiClient client, int events) {
        return Eventually.await(
                SEALING,
                () -> verification(client),
                report -> report.getJsonNumber("eventsChecked").longValue() >= events,
                events + " sealed events");
    }

    /**
     * Like {@link #awaitSealed}, and until the report also names a checkpoint: the verification reads
     * the checkpoint before the events, so a sealing run that commits between the two reads shows
     * sealed events without their checkpoint for one report.
     */
    static JsonObject awaitCheckpointed(ApiClient client, int events) {
        return Eventually.await(
                SEALING,
                () -> verification(client),
                report -> report.getJsonNumber("eventsChecked").longValue() >= events
                        && report.get("lastCheckpoint") instanceof JsonObject,
                events + " sealed events and their checkpoint");
    }
}
