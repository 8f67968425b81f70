package io.lotabots.model.api;

import io.lotabots.model.boundary.ModelRefusals;
import io.lotabots.model.boundary.ModelSource;
import io.lotabots.model.boundary.Models;
import io.lotabots.model.boundary.UploadForm;
import io.lotabots.platform.api.input.StreamingMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A model upload's multipart/form-data body, read part by part as it arrives by the platform's {@link
 * StreamingMultipart}: {@code name} as text, and the content part ({@code file} or {@code archive}) handed on
 * unread, so no part is ever held whole in memory or on disk. A body that breaks off is a {@link
 * StreamingMultipart.MalformedMultipartException}, never a shorter model.
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
        String[] name = {null};
        StreamingMultipart.read(body, contentType, part -> {
            if (part.name() == null || part.name().isBlank()) {
                throw ModelRefusals.invalid(
                        "parts[" + part.index() + "]", "needs Content-Disposition: form-data; name=\"…\"");
            }
            switch (part.name()) {
                case "name" -> {
                    if (name[0] != null) {
                        throw ModelRefusals.invalid("name", "is sent twice");
                    }
                    name[0] = text(part.content());
                }
                case "file" -> sink.accept(ModelSource.FILE, part.fileName(), part.content());
                case "archive" -> sink.accept(ModelSource.ARCHIVE, part.fileName(), part.content());
                default -> throw ModelRefusals.invalid(
                        PRINTABLE_PART.matcher(part.name()).matches() ? part.name() : "parts[" + part.index() + "]",
                        "is not a part of a model upload (name, file or archive)");
            }
        });
        return name[0];
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
}
