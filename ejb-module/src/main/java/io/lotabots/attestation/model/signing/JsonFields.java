package io.lotabots.attestation.model.signing;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Typed reads of a JSON document where a missing or mistyped field is a rejection under one rule, with the
 * field's path in the detail; base64 as protobuf's JSON mapping accepts it (standard or URL-safe alphabet,
 * padding optional).
 */
final class JsonFields {

    /** Bundles and statements nest a few levels; a bound keeps any JSON-P provider's recursion shallow. */
    private static final int MAX_DEPTH = 64;

    private final String rule;
    private final String document;

    JsonFields(String rule, String document) {
        this.rule = rule;
        this.document = document;
    }

    /** The JSON object in strict UTF-8 {@code bytes} (a malformed sequence is refused, not replaced). */
    JsonObject parseObject(byte[] bytes) throws SignatureRejection {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(document + " is not UTF-8");
        }
        if (nestingDepth(text) > MAX_DEPTH) {
            throw malformed(document + " nests arrays and objects deeper than " + MAX_DEPTH);
        }
        JsonValue value;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            value = parser.hasNext() && parser.next() == JsonParser.Event.START_OBJECT ? parser.getObject() : null;
            if (value != null && parser.hasNext()) {
                throw malformed(document + " has content after its JSON object");
            }
        } catch (RuntimeException e) {
            // JsonException for syntax (also after the object); Parsson refuses nesting past its depth limit with a
            // bare RuntimeException
            throw malformed(document + " is not JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject object)) {
            throw malformed(document + " is not a JSON object");
        }
        return object;
    }

    JsonObject object(JsonObject parent, String name, String path) throws SignatureRejection {
        if (optional(parent, name) instanceof JsonObject object) {
            return object;
        }
        throw malformed(path + " is not an object");
    }

    JsonObject optionalObject(JsonObject parent, String name, String path) throws SignatureRejection {
        JsonValue value = optional(parent, name);
        return value == null ? null : object(parent, name, path);
    }

    JsonArray array(JsonObject parent, String name, String path) throws SignatureRejection {
        if (optional(parent, name) instanceof JsonArray array) {
            return array;
        }
        throw malformed(path + " is not an array");
    }

    JsonArray optionalArray(JsonObject parent, String name, String path) throws SignatureRejection {
        JsonValue value = optional(parent, name);
        return value == null ? null : array(parent, name, path);
    }

    JsonObject element(JsonArray array, int index, String path) throws SignatureRejection {
        if (array.get(index) instanceof JsonObject object) {
            return object;
        }
        throw malformed(path + "[" + index + "] is not an object");
    }

    String string(JsonObject parent, String name, String path) throws SignatureRejection {
        if (optional(parent, name) instanceof JsonString string) {
            return string.getString();
        }
        throw malformed(path + " is not a string");
    }

    String optionalString(JsonObject parent, String name, String path) throws SignatureRejection {
        JsonValue value = optional(parent, name);
        return value == null ? null : string(parent, name, path);
    }

    boolean optionalBoolean(JsonObject parent, String name, String path) throws SignatureRejection {
        JsonValue value = optional(parent, name);
        if (value == null || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw malformed(path + " is not true or false");
    }

    long positiveLong(JsonObject parent, String name, String path) throws SignatureRejection {
        if (optional(parent, name) instanceof JsonNumber number && number.isIntegral()) {
            try {
                long value = number.longValueExact();
                if (value > 0) {
                    return value;
                }
            } catch (ArithmeticException e) {
                // too large: refused below
            }
        }
        throw malformed(path + " is not a positive integer");
    }

    byte[] base64(JsonObject parent, String name, String path) throws SignatureRejection {
        String text = string(parent, name, path);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException standard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException urlSafe) {
                throw malformed(path + " is not base64");
            }
        }
    }

    SignatureRejection malformed(String detail) {
        return SignatureRejection.invalid(rule, detail);
    }

    /** The deepest nesting of arrays and objects, brackets inside strings not counted. */
    private static int nestingDepth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    /** The member, or null when it is absent or JSON null (protobuf's JSON mapping writes unset fields as null). */
    private static JsonValue optional(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value == JsonValue.NULL ? null : value;
    }
}
