package io.lotabots.platform.api.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * A multipart/form-data body read part by part as it arrives (Apache James mime4j's streaming parser): each
 * part is handed on with its name, file name and declared type and its content unread, so no part is held
 * whole. Strict: a body that ends without its closing boundary is malformed, never a shorter part.
 */
public final class StreamingMultipart {

    /** One part of the form: {@code contentType} is null when the part declared none. */
    public record Part(int index, String name, String fileName, String contentType, InputStream content) {}

    /** What handles each part; it may leave the content unread (the rest is skipped). */
    @FunctionalInterface
    public interface PartHandler {
        void part(Part part) throws IOException;
    }

    /** The body is not the multipart/form-data it claims to be (or it broke off). */
    public static final class MalformedMultipartException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedMultipartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private StreamingMultipart() {}

    /** Reads the whole body, calling {@code handler} for each part in order. */
    public static void read(InputStream body, String contentType, PartHandler handler) throws IOException {
        var stream = new MimeTokenStream(MimeConfig.custom()
                .setStrictParsing(true)
                .setMaxHeaderCount(32)
                .setMaxHeaderLen(8192)
                .setMaxLineLen(8192)
                .setMaxContentLen(-1)
                .build());
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parseHeadless(body, contentType);
        int index = -1;
        Disposition disposition = null;
        String partType = null;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_BODYPART -> {
                        index++;
                        disposition = null;
                        partType = null;
                    }
                    case T_FIELD -> {
                        String field = stream.getField().getName();
                        if (field.equalsIgnoreCase("Content-Disposition")) {
                            disposition = Disposition.of(stream.getField());
                        } else if (field.equalsIgnoreCase("Content-Type")) {
                            partType = stream.getField().getBody().strip();
                        }
                    }
                    case T_BODY -> handler.part(new Part(
                            index,
                            disposition == null ? null : disposition.name(),
                            disposition == null ? null : disposition.fileName(),
                            partType,
                            stream.getDecodedInputStream()));
                    default -> {
                        // preamble, epilogue, part boundaries: nothing to keep
                    }
                }
            }
        } catch (MimeException e) {
            throw new MalformedMultipartException("is not multipart/form-data: " + e.getMessage(), e);
        }
    }

    /** A part's Content-Disposition: its form field name and file name. */
    private record Disposition(String name, String fileName) {

        static Disposition of(Field field) {
            RawField raw;
            try {
                // from the raw bytes, whose quoted values the parser decodes as UTF-8 (as browsers and curl send
                // file names); the field's decoded body has lost non-ASCII bytes
                raw = field.getRaw() != null
                        ? RawFieldParser.DEFAULT.parseField(field.getRaw())
                        : new RawField(field.getName(), field.getBody());
            } catch (MimeException e) {
                return new Disposition(null, null);
            }
            var parsed = RawFieldParser.DEFAULT.parseRawBody(raw);
            if (parsed.getValue() == null
                    || !parsed.getValue().toLowerCase(Locale.ROOT).equals("form-data")) {
                return new Disposition(null, null);
            }
            String name = null;
            String fileName = null;
            for (NameValuePair parameter : parsed.getParams()) {
                switch (parameter.getName().toLowerCase(Locale.ROOT)) {
                    case "name" -> name = parameter.getValue();
                    case "filename" -> fileName = parameter.getValue();
                    default -> {
                        // other parameters (filename*, size) are not used
                    }
                }
            }
            return new Disposition(name, fileName);
        }
    }
}
