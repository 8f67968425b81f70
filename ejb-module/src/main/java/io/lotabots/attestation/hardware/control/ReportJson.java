package io.lotabots.attestation.hardware.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON builders of reports and claims, from one factory: {@code Json.createObjectBuilder()} looks
 * the provider up on every call, which costs more than verifying an RSA signature.
 */
final class ReportJson {

    private static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

    private ReportJson() {}

    static JsonObjectBuilder object() {
        return FACTORY.createObjectBuilder();
    }

    static JsonObjectBuilder object(JsonObject start) {
        return FACTORY.createObjectBuilder(start);
    }

    static JsonArrayBuilder array() {
        return FACTORY.createArrayBuilder();
    }

    static JsonArrayBuilder array(Collection<?> values) {
        return FACTORY.createArrayBuilder(values);
    }
}
