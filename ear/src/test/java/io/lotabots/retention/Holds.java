package io.lotabots.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.testsupport.ApiClient;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Legal holds as the tests place and release them through the API. */
final class Holds {

    static final String HOLDS = "/api/v1/privacy/legal-holds";

    private Holds() {}

    static HttpResponse<String> place(ApiClient api, String json) {
        return api.postJson(HOLDS, json);
    }

    /** Places a hold that must be accepted; its id. */
    static String placed(ApiClient api, String json) {
        var response = place(api, json);
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.json(response).getString("id");
    }

    static String onObject(String type, String id) {
        return "{\"scope\": \"object\", \"objectType\": \"" + type + "\", \"objectId\": \"" + id
                + "\", \"reason\": \"Case 17: keep " + type + "\"}";
    }

    static String onSubject(Object subject) {
        return "{\"scope\": \"subject\", \"subject\": \"" + subject
                + "\", \"reason\": \"Case 18: the subject's data\"}";
    }

    static HttpResponse<String> release(ApiClient api, String id, String reason) {
        String body = reason == null
                ? "{}"
                : Json.createObjectBuilder().add("reason", reason).build().toString();
        return api.send(HttpRequest.newBuilder(ApiClient.uri(HOLDS + "/" + id))
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }
}
