package io.lotabots.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A thin HTTP client for the running server at {@code app.base.url}. */
public final class ApiClient {

    private static final String BASE = System.getProperty("app.base.url", "http://localhost:9080");
    public static final String TENANT = "default";
    public static final String ADMIN = "admin";
    /** Set for the test server in src/test/liberty/configDropins/overrides/arquillian.xml. */
    public static final String ADMIN_PASSWORD = "integration-tests-only-Admin-Pass";
    /** The reserved tenant name platform operators log in with. */
    public static final String PLATFORM = "platform";
    /** The bootstrap platform operator (arquillian.xml sets the password). */
    public static final String OPERATOR = "operator";

    public static final String OPERATOR_PASSWORD = "integration-tests-only-Operator-Pass";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearer;

    /** A client without credentials. */
    public ApiClient() {
        this(null);
    }

    private ApiClient(String bearer) {
        this.bearer = bearer;
    }

    /** A client that logs in as the bootstrap administrator and sends its access token. */
    public static ApiClient asAdmin() {
        return withToken(login(TENANT, ADMIN, ADMIN_PASSWORD).getString("access_token"));
    }

    /** A client that logs in as the bootstrap platform operator and sends its access token. */
    public static ApiClient asPlatformOperator() {
        return withToken(login(PLATFORM, OPERATOR, OPERATOR_PASSWORD).getString("access_token"));
    }

    public static ApiClient withToken(String accessToken) {
        return new ApiClient(accessToken);
    }

    /** The token response of a password login; fails unless it succeeds. */
    public static JsonObject login(String tenant, String username, String password) {
        var body = Json.createObjectBuilder()
                .add("tenant", tenant)
                .add("username", username)
                .add("password", password)
                .build();
        var response = new ApiClient().postJson("/api/v1/auth/login", body.toString());
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    public static URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : BASE + path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        seen(contentType, body);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    /** PUT of a JSON body, with {@code If-Match} when {@code ifMatch} is not null. */
    public HttpResponse<String> putJson(String path, String body, String ifMatch) {
        SecretsSeen.inJson(body);
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        return send(withIfMatch(request, ifMatch));
    }

    /** POST without a body, with {@code If-Match} when {@code ifMatch} is not null. */
    public HttpResponse<String> postEmpty(String path, String ifMatch) {
        return send(withIfMatch(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), ifMatch));
    }

    public HttpResponse<String> delete(String path) {
        return delete(path, null);
    }

    /** DELETE, with {@code If-Match} when {@code ifMatch} is not null. */
    public HttpResponse<String> delete(String path, String ifMatch) {
        return send(withIfMatch(HttpRequest.newBuilder(uri(path)).DELETE(), ifMatch));
    }

    /** The response's ETag; its absence fails the test. */
    public static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
    }

    private static HttpRequest.Builder withIfMatch(HttpRequest.Builder request, String ifMatch) {
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            var built = request.build();
            // 30 s unless the caller chose a timeout of its own (a large upload)
            if (built.timeout().isEmpty()) {
                built = HttpRequest.newBuilder(built, (name, value) -> true)
                        .timeout(Duration.ofSeconds(30))
                        .build();
            }
            SecretsSeen.inAuthorization(
                    built.headers().firstValue("Authorization").orElse(null));
            var response = http.send(built, HttpResponse.BodyHandlers.ofString());
            SecretsSeen.inJson(response.body());
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tells {@link SecretsSeen} what a request body carries, for the log check after the tests. */
    private static void seen(String contentType, String body) {
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            SecretsSeen.inForm(body);
        } else {
            SecretsSeen.inJson(body);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
