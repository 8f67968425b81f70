package io.lotabots.platform.api.problem;

import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.FieldProblem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document: a stable {@code type} per kind of problem, never a stack trace; the
 * fields at fault in {@code errors}, and any extension members after them.
 */
public record Problem(
        String slug,
        String title,
        int status,
        String detail,
        List<FieldProblem> errors,
        Map<String, JsonValue> members) {

    public static final String BASE_TYPE = "https://lotabots.io/problems/";
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public Problem {
        errors = List.copyOf(errors);
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Problem(String slug, String title, int status, String detail, List<FieldProblem> errors) {
        this(slug, title, status, detail, errors, Map.of());
    }

    public Problem(String slug, String title, int status, String detail) {
        this(slug, title, status, detail, List.of());
    }

    public String type() {
        return BASE_TYPE + slug;
    }

    public JsonObject toJson(String instance) {
        var json = Json.createObjectBuilder()
                .add("type", type())
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (instance != null) {
            json.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            var list = Json.createArrayBuilder();
            errors.forEach(e ->
                    list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        members.forEach(json::add);
        return json.build();
    }

    public Response.ResponseBuilder toResponse(String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson(instance).toString());
    }
}
