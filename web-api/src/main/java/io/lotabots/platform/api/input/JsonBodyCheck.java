package io.lotabots.platform.api.input;

import io.lotabots.platform.refusal.FieldProblem;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One strict reading of a JSON body before any resource binds it: valid UTF-8, one JSON document and
 * nothing after it, no string or name holding NUL or an unpaired surrogate, the shape the target
 * type needs, and instants PostgreSQL can store. Each problem is named by its path ({@code roles[0]}).
 */
public final class JsonBodyCheck {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final int MAX_ERRORS = 20;

    private JsonBodyCheck() {}

    /** Checks the body against the target type of its binding; {@link InvalidInput} if it fails. */
    public static void check(byte[] body, Type target) {
        String text = utf8(body);
        if (isJsonWhitespace(text, 0)) {
            return; // the binding answers an empty body as it always has
        }
        List<FieldProblem> errors = new ArrayList<>();
        boolean object = scan(text, errors);
        if (errors.isEmpty()) {
            TargetShape.check(object, target, () -> tree(text), errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
    }

    /** A small JSON object body, checked as {@link #check} does; null if the body is empty. */
    public static JsonObject readObject(byte[] body) {
        check(body, JsonObject.class);
        String text = utf8(body);
        return isJsonWhitespace(text, 0) ? null : tree(text).asJsonObject();
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
            throw InvalidInput.unreadableBody("The body is not valid UTF-8.", "body", "must be UTF-8 encoded");
        }
    }

    /**
     * Streams through the document once, checking every member name and string at its path, and that
     * nothing follows the document; true if the document is an object. No tree is built: submissions
     * of tens of kilobytes pass here on every request.
     */
    private static boolean scan(String text, List<FieldProblem> errors) {
        try (var parser = PROVIDER.createParser(new StringReader(text))) {
            Deque<Frame> open = new ArrayDeque<>();
            boolean object = false;
            boolean first = true;
            while (true) {
                JsonParser.Event event = parser.next();
                if (first) {
                    object = event == JsonParser.Event.START_OBJECT;
                    first = false;
                }
                switch (event) {
                    case START_OBJECT, START_ARRAY -> open.push(
                            new Frame(valuePath(open), event == JsonParser.Event.START_ARRAY));
                    case END_OBJECT, END_ARRAY -> open.pop();
                    case KEY_NAME -> {
                        Frame frame = open.peek();
                        frame.key = parser.getString();
                        String problem = TextRules.problemWith(frame.key);
                        if (problem != null && errors.size() < MAX_ERRORS) {
                            errors.add(new FieldProblem(
                                    InvalidInput.printable(frame.child(frame.key)), "the name " + problem));
                        }
                    }
                    case VALUE_STRING -> {
                        String path = valuePath(open);
                        String problem = TextRules.problemWith(parser.getString());
                        if (problem != null && errors.size() < MAX_ERRORS) {
                            errors.add(new FieldProblem(InvalidInput.printable(path), problem));
                        }
                    }
                    default -> valuePath(open); // a number, boolean or null takes its array slot
                }
                if (open.isEmpty()) {
                    break;
                }
            }
            long end = parser.getLocation().getStreamOffset();
            if (!isJsonWhitespace(text, (int) end)) {
                throw InvalidInput.unreadableBody(
                        "The body holds more than one JSON document.",
                        "body",
                        "has data after the JSON document (at character " + end + ")");
            }
            return object;
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw InvalidInput.unreadableBody(
                    "The body is not valid JSON.",
                    "body",
                    at == null
                            ? "is not valid JSON"
                            : "is not valid JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            throw InvalidInput.unreadableBody("The body is not valid JSON.", "body", "is not valid JSON");
        }
    }

    /** The path of the next value in the innermost open container (advancing an array's index). */
    private static String valuePath(Deque<Frame> open) {
        Frame frame = open.peek();
        if (frame == null) {
            return "body";
        }
        return frame.array ? frame.path + "[" + frame.next++ + "]" : frame.child(frame.key);
    }

    /** An open object or array, with the path that names it. */
    private static final class Frame {
        final String path;
        final boolean array;
        int next;
        String key;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }

        String child(String name) {
            return "body".equals(path) ? name : path + "." + name;
        }
    }

    private static JsonValue tree(String text) {
        try (var reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
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
