package io.lotabots.platform.api.input;

import io.lotabots.platform.api.problem.Problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One strict reading of a JSON body before any resource binds it: valid UTF-8, one JSON document and
 * nothing after it, no string or name holding NUL or an unpaired surrogate, the shape the target
 * type needs, and instants PostgreSQL can store. Each problem is named by its path ({@code roles[0]}).
 */
public final class JsonBodyCheck {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final int MAX_ERRORS = 20;

    private JsonBodyCheck() {}

    /** The document (null for an empty body, which the binding itself answers); {@link InvalidInput} otherwise. */
    public static JsonValue check(byte[] body, Type target) {
        String text = utf8(body);
        if (isJsonWhitespace(text, 0)) {
            return null;
        }
        JsonValue document = parse(text);
        List<FieldError> errors = new ArrayList<>();
        strings(document, "", errors);
        if (errors.isEmpty()) {
            TargetShape.check(document, target, errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        return document;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw BadInput.malformedBody("The body is not valid UTF-8.", "body", "must be UTF-8 encoded");
        }
    }

    private static JsonValue parse(String text) {
        try (var parser = PROVIDER.createParser(new StringReader(text))) {
            parser.next();
            JsonValue document = parser.getValue();
            long end = parser.getLocation().getStreamOffset();
            if (!isJsonWhitespace(text, (int) end)) {
                throw BadInput.malformedBody(
                        "The body holds more than one JSON document.",
                        "body",
                        "has data after the JSON document (at character " + end + ")");
            }
            return document;
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw BadInput.malformedBody(
                    "The body is not valid JSON.",
                    "body",
                    at == null
                            ? "is not valid JSON"
                            : "is not valid JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
        } catch (RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw BadInput.malformedBody("The body is not valid JSON.", "body", "is not valid JSON");
        }
    }

    private static void strings(JsonValue value, String path, List<FieldError> errors) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        switch (value.getValueType()) {
            case STRING -> check(((JsonString) value).getString(), path.isEmpty() ? "body" : path, errors);
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
                    String name = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                    String problem = TextRules.problemWith(member.getKey());
                    if (problem != null) {
                        errors.add(new FieldError(BadInput.printable(name), "the name " + problem));
                    } else {
                        strings(member.getValue(), name, errors);
                    }
                }
            }
            case ARRAY -> {
                var array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    strings(array.get(i), (path.isEmpty() ? "body" : path) + "[" + i + "]", errors);
                }
            }
            default -> {
                // numbers, booleans and null carry no text
            }
        }
    }

    private static void check(String text, String path, List<FieldError> errors) {
        String problem = TextRules.problemWith(text);
        if (problem != null) {
            errors.add(new FieldError(path, problem));
        }
    }

    /** RFC 8259 whitespace only (space, tab, line feed, carriage return) from {@code from} on. */
    private static boolean isJsonWhitespace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
