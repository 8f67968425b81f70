package io.lotabots.document.api;

import io.lotabots.document.boundary.ContentForm;
import io.lotabots.platform.api.input.StreamingMultipart;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.Refusal;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * A document upload's multipart/form-data body: {@code metadata} (a JSON object, small) and {@code file}
 * (the content, handed on unread as it arrives).
 */
final class MultipartDocumentForm implements ContentForm {

    static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final Pattern PRINTABLE_PART = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final InputStream body;
    private final String contentType;

    MultipartDocumentForm(InputStream body, String contentType) {
        this.body = body;
        this.contentType = contentType;
    }

    @Override
    public JsonObject read(ContentSink sink) throws IOException {
        JsonObject[] metadata = {null};
        StreamingMultipart.read(body, contentType, part -> {
            if (part.name() == null || part.name().isBlank()) {
                throw Refusal.invalidField(
                        "parts[" + part.index() + "]", "needs Content-Disposition: form-data; name=\"…\"");
            }
            switch (part.name()) {
                case "metadata" -> {
                    if (metadata[0] != null) {
                        throw Refusal.invalidField("metadata", "is sent twice");
                    }
                    metadata[0] = json(part.content());
                }
                case "file" -> sink.accept(part.fileName(), part.contentType(), part.content());
                default -> throw Refusal.invalidField(
                        PRINTABLE_PART.matcher(part.name()).matches() ? part.name() : "parts[" + part.index() + "]",
                        "is not a part of a document upload (metadata, file)");
            }
        });
        return metadata[0];
    }

    private static JsonObject json(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
        if (bytes.length > MAX_METADATA_BYTES) {
            throw Refusal.invalidField("metadata", "is larger than " + MAX_METADATA_BYTES + " bytes");
        }
        try (var reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw Refusal.invalidField("metadata", "is not a JSON object");
        }
    }
}
