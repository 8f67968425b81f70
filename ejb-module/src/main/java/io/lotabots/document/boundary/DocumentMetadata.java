package io.lotabots.document.boundary;

import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A document's describing data: a title, tags, and free-form attributes (any JSON object). Built only
 * from JSON that passed {@link #of}, which names each field at fault.
 */
public record DocumentMetadata(String title, List<String> tags, JsonObject attributes) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG = 100;
    public static final int MAX_ATTRIBUTES_CHARS = 16_384;

    /** The metadata a JSON object describes, or a refusal naming every field at fault ({@code prefix} first). */
    public static DocumentMetadata of(JsonObject json, String prefix) {
        var problems = new ArrayList<FieldProblem>();
        for (String member : json.keySet()) {
            if (!List.of("title", "tags", "attributes").contains(member)) {
                problems.add(new FieldProblem(prefix + member, "is not a metadata field (title, tags, attributes)"));
            }
        }
        String title = null;
        JsonValue titleValue = json.get("title");
        if (titleValue == null || titleValue.getValueType() == JsonValue.ValueType.NULL) {
            problems.add(new FieldProblem(prefix + "title", "is required"));
        } else if (!(titleValue instanceof JsonString text)) {
            problems.add(new FieldProblem(prefix + "title", "must be a string"));
        } else {
            title = text.getString().strip();
            if (title.isEmpty()) {
                problems.add(new FieldProblem(prefix + "title", "must not be blank"));
            } else if (title.length() > MAX_TITLE) {
                problems.add(new FieldProblem(prefix + "title", "is longer than " + MAX_TITLE + " characters"));
            } else if (title.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add(new FieldProblem(prefix + "title", "contains a control character"));
            }
        }
        var tags = new LinkedHashSet<String>();
        JsonValue tagsValue = json.get("tags");
        if (tagsValue != null && tagsValue.getValueType() != JsonValue.ValueType.NULL) {
            if (!(tagsValue instanceof JsonArray array)) {
                problems.add(new FieldProblem(prefix + "tags", "must be an array of strings"));
            } else if (array.size() > MAX_TAGS) {
                problems.add(new FieldProblem(prefix + "tags", "has more than " + MAX_TAGS + " tags"));
            } else {
                for (int i = 0; i < array.size(); i++) {
                    String field = prefix + "tags[" + i + "]";
                    if (!(array.get(i) instanceof JsonString tag)) {
                        problems.add(new FieldProblem(field, "must be a string"));
                    } else if (tag.getString().isBlank() || tag.getString().length() > MAX_TAG) {
                        problems.add(new FieldProblem(field, "must have 1 to " + MAX_TAG + " characters"));
                    } else if (tag.getString().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                        problems.add(new FieldProblem(field, "contains a control character"));
                    } else {
                        tags.add(tag.getString());
                    }
                }
            }
        }
        JsonObject attributes = JsonValue.EMPTY_JSON_OBJECT;
        JsonValue attributesValue = json.get("attributes");
        if (attributesValue != null && attributesValue.getValueType() != JsonValue.ValueType.NULL) {
            if (!(attributesValue instanceof JsonObject object)) {
                problems.add(new FieldProblem(prefix + "attributes", "must be a JSON object"));
            } else if (object.toString().length() > MAX_ATTRIBUTES_CHARS) {
                problems.add(new FieldProblem(
                        prefix + "attributes", "is longer than " + MAX_ATTRIBUTES_CHARS + " characters as JSON"));
            } else if (object.toString().contains("\\u0000")) {
                problems.add(new FieldProblem(prefix + "attributes", "contains a NUL character"));
            } else {
                attributes = object;
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        return new DocumentMetadata(title, List.copyOf(tags), attributes);
    }

    public JsonArray tagArray() {
        return Json.createArrayBuilder(tags).build();
    }

    static JsonObject json(String title, List<String> tags, JsonObject attributes) {
        return Json.createObjectBuilder()
                .add("title", title)
                .add("tags", Json.createArrayBuilder(tags))
                .add("attributes", attributes)
                .build();
    }
}
