package io.lotabots.platform.api.input;

import io.lotabots.platform.refusal.FieldProblem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of {@code name=value&…} text, as query strings and form bodies carry it: every
 * {@code %} starts two hex digits, the decoded bytes are UTF-8, and the text passes {@link TextRules}.
 * Servers usually decode leniently or fail deep inside; here every bad pair is named.
 */
public final class FormEncoding {

    private FormEncoding() {}

    /** One problem per bad name or value, named by the parameter. */
    public static List<FieldProblem> problems(String encoded) {
        List<FieldProblem> errors = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return errors;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = decode(rawName);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem(InvalidInput.printable(rawName), "the name " + e.getMessage()));
                continue;
            }
            if (equals >= 0) {
                try {
                    decode(pair.substring(equals + 1));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldProblem(InvalidInput.printable(name), e.getMessage()));
                }
            }
        }
        return errors;
    }

    /** The decoded text ({@code +} is a space), or an {@link IllegalArgumentException} saying what is wrong. */
    static String decode(String encoded) {
        var bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw new IllegalArgumentException("has a % that is not followed by two hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int codePoint = encoded.codePointAt(i);
                if (codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint)) {
                    throw new IllegalArgumentException("must not contain an unpaired surrogate");
                }
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not percent-encoded UTF-8");
        }
        String problem = TextRules.problemWith(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return text;
    }
}
