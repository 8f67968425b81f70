package io.lotabots.document.boundary;

import io.lotabots.document.entity.Document;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A document as the API shows it: metadata and its current version's content facts; {@code version} is the ETag. */
public record DocumentView(
        UUID id,
        String title,
        List<String> tags,
        JsonObject attributes,
        int currentVersion,
        String contentType,
        String fileName,
        long size,
        String sha256,
        Instant createdAt,
        String createdBy,
        String createdByName,
        Instant updatedAt,
        long version) {

    static DocumentView of(Document d) {
        return new DocumentView(
                d.id(),
                d.title(),
                d.tags().getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList(),
                d.attributes(),
                d.currentVersion(),
                d.contentType(),
                d.fileName(),
                d.size(),
                d.sha256(),
                d.createdAt(),
                d.createdBy(),
                d.createdByName(),
                d.updatedAt(),
                d.version());
    }

    /** The metadata a merge patch applies to. */
    @JsonbTransient
    public JsonObject metadata() {
        return DocumentMetadata.json(title, tags, attributes);
    }
}
