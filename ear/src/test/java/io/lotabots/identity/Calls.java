package io.lotabots.identity;

import io.lotabots.testsupport.ApiClient;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The identity API's requests that ApiClient has no shorthand for. */
final class Calls {

    static final String USERS = "/api/v1/identity/users";
    static final String API_KEYS = "/api/v1/identity/api-keys";
    static final String TOKEN = "/api/v1/auth/token";

    private Calls() {}

    static String roles(String... roles) {
        return Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder(List.of(roles)))
                .build()
                .toString();
    }

    static String password(String password, String currentPassword) {
        var body = Json.createObjectBuilder().add("password", password);
        if (currentPassword != null) {
            body.add("currentPassword", currentPassword);
        }
        return body.build().toString();
    }

    /** A client-credentials request with the key's id and secret as HTTP Basic credentials. */
    static HttpResponse<String> tokenWithBasic(String keyId, String secret) {
        String basic = Base64.getEncoder().encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return new ApiClient()
                .send(HttpRequest.newBuilder(ApiClient.uri(TOKEN))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    static HttpResponse<String> tokenWithForm(String form) {
        return new ApiClient().post(TOKEN, "application/x-www-form-urlencoded", form);
    }
}
