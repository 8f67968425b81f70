package io.lotabots.model.api;

import io.lotabots.model.boundary.ModelRefusals;
import io.lotabots.model.boundary.ModelSource;
import io.lotabots.model.boundary.Models;
import io.lotabots.model.boundary.UploadForm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
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
 * A model upload's multipart/form-data body read part by part as it arrives (Apache James mime4j's
 * streaming parser): {@code name} as text, and the content part ({@code file} or {@code archive}) handed
 * on unread, so no part is ever held whole in memory or on disk. Strict: a body that ends without its
 * closing boundary is malformed, never a shorter model.
 */
final class MultipartModelForm implements UploadForm {

    private static final int MAX_NAME_BYTES = Models.MAX_NAME * 4;
    private static final Pattern PRINTABLE_PART = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final InputStream body;
    private final String contentType;
    private final long declaredBytes;

    MultipartModelForm(InputStream body, String contentType, long declaredBytes) {
        this.body = body;
        this.contentType = contentType;
        this.declaredBytes = declaredBytes;
    }

    @Override
    public long declaredBytes() {
        return declaredBytes;
    }

    @Override
    public String read(ContentSink sink) throws IOException {
        var stream = new MimeTokenStream(MimeConfig.custom()
                .setStrictParsing(true)
                .setMaxHeaderCount(32)
                .setMaxHeaderLen(8192)
                .setMaxLineLen(8192)
                .setMaxContentLen(-1)
                .build());
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parseHeadless(body, contentType);
        String name = null;
        int index = -1;
        Disposition part = null;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_BODYPART -> {
                        index++;
                        part = null;
                    }
                    case T_FIELD -> {
                        if (stream.getField().getName().equalsIgnoreCase("Content-Disposition")) {
                            part = Disposition.of(stream.getField());
                        }
                    }
                    case T_BODY -> {
                        if (part == null || part.name() == null || part.name().isBlank()) {
                            throw ModelRefusals.invalid(
                                    "parts[" + index + "]", "needs Content-Disposition: form-data; name=\"…\"");
                        }
                        switch (part.name()) {
                            case "name" -> {
                                if (name != null) {
                                    throw ModelRefusals.invalid("name", "is sent twice");
                                }
                                name = text(stream.getDecodedInputStream());
                            }
                            case "file" -> sink.accept(
                                    ModelSource.FILE, part.fileName(), stream.getDecodedInputStream());
                            case "archive" -> sink.accept(
                                    ModelSource.ARCHIVE, part.fileName(), stream.getDecodedInputStream());
                            default -> throw ModelRefusals.invalid(
                                    PRINTABLE_PART.matcher(part.name()).matches()
                                            ? part.name()
                                            : "parts[" + index + "]",
                                    "is not a part of a model upload (name, file or archive)");
                        }
                    }
                    default -> {
                        // preamble, epilogue, part boundaries: nothing to keep
                    }
                }
            }
        } catch (MimeException e) {
            throw new MalformedFormException("is not multipart/form-data: " + e.getMessage(), e);
        }
        return name;
    }

    private static String text(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_NAME_BYTES + 1);
        if (bytes.length > MAX_NAME_BYTES) {
            throw ModelRefusals.invalid("name", "is longer than " + Models.MAX_NAME + " characters");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ModelRefusals.invalid("name", "is not UTF-8");
        }
    }

    /** A part's Content-Disposition: its form field name and file name. */
    private record Disposition(String name, String fileName) {

        static Disposition of(Field field) {
            RawField raw;
            try {
                // from the raw bytes, whose quoted values the parser decodes as UTF-8 (as browsers and curl
                // send file names); the field's decoded body has lost non-ASCII bytes
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

        /** The parser reads header bytes one char each; the bytes are UTF-8. */
        private static String utf8(String latin1) {
            return latin1 == null
                    ? null
                    : new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }
}
