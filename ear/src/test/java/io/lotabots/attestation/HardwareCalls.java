package io.lotabots.attestation;

import io.lotabots.testsupport.ApiClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.List;

/** The device and policy API's requests that ApiClient has no shorthand for. */
final class HardwareCalls {

    static final String DEVICES = "/api/v1/devices";
    static final String POLICIES = "/api/v1/attestations/hardware/policies";

    private HardwareCalls() {}

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The audit events on one target of the caller's tenant, newest first. */
    static List<JsonObject> auditEvents(ApiClient client, String targetType, String targetId) {
        var response =
                client.get("/api/v1/audit/events?targetType=" + targetType + "&targetId=" + targetId + "&limit=50");
        if (response.statusCode() != 200) {
            throw new AssertionError("audit events answered " + response.statusCode() + ": " + response.body());
        }
        return ApiClient.json(response).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static String activation(byte[] secret) {
        return Json.createObjectBuilder().add("secret", base64(secret)).build().toString();
    }
}
