package io.lotabots.attestation.model.formats;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python literal subset of a NumPy header ({@code ast.literal_eval} of a dict of strings, booleans, ints,
 * tuples and lists), parsed without evaluating anything. Tuples and lists are both {@link Sequence}s that remember
 * which they were; a syntax error is an {@link IllegalArgumentException} naming the position.
 */
final class PythonLiteral {

    record Sequence(List<Object> items, boolean tuple) {}

    /** Python's {@code None}. */
    enum None {
        NONE
    }

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        var parser = new PythonLiteral(text);
        Object value = parser.value(0);
        parser.space();
        if (parser.pos != text.length()) {
            throw parser.error("text after the value");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > 32) {
            throw error("nesting deeper than 32");
        }
        space();
        if (pos >= text.length()) {
            throw error("a value is missing");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict(depth);
            case '(' -> sequence(depth, ')', true);
            case '[' -> sequence(depth, ']', false);
            case '\'', '"' -> string(c);
            default -> {
                if (text.startsWith("True", pos)) {
                    pos += 4;
                    yield Boolean.TRUE;
                }
                if (text.startsWith("False", pos)) {
                    pos += 5;
                    yield Boolean.FALSE;
                }
                if (text.startsWith("None", pos)) {
                    pos += 4;
                    yield None.NONE;
                }
                yield integer();
            }
        };
    }

    private Map<String, Object> dict(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            space();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value(depth + 1);
            if (!(key instanceof String name)) {
                throw error("a dict key that is not a string");
            }
            space();
            expect(':');
            Object v = value(depth + 1);
            if (map.put(name, v) != null) {
                throw error("the key '" + name + "' twice");
            }
            space();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("',' or '}' expected");
            }
        }
    }

    /** A tuple or list; a parenthesized single value without a comma is just that value, as in Python. */
    private Object sequence(int depth, char close, boolean tuple) {
        pos++;
        List<Object> items = new ArrayList<>();
        boolean comma = false;
        while (true) {
            space();
            if (peek() == close) {
                pos++;
                if (tuple && items.size() == 1 && !comma) {
                    return items.get(0);
                }
                return new Sequence(items, tuple);
            }
            items.add(value(depth + 1));
            space();
            comma = false;
            if (peek() == ',') {
                pos++;
                comma = true;
            } else if (peek() != close) {
                throw error("',' or '" + close + "' expected");
            }
        }
    }

    private String string(char quote) {
        pos++;
        var out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                out.append(text.charAt(pos++));
            } else {
                out.append(c);
            }
        }
        if (pos >= text.length()) {
            throw error("an unterminated string");
        }
        pos++;
        return out.toString();
    }

    private BigInteger integer() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start || !Character.isDigit(text.charAt(pos - 1))) {
            throw error("a value of an unexpected kind");
        }
        var value = new BigInteger(text.substring(start, pos));
        if (peek() == 'L') {
            pos++;
        }
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}
