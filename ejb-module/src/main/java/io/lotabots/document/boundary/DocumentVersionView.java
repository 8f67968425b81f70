package io.lotabots.document.boundary;

import io.lotabots.document.entity.DocumentVersion;
import java.time.Instant;

/** One version of a document's content. */
public record DocumentVersionView(
        int number,
        String contentType,
        String fileName,
        long size,
        String sha256,
        Instant createdAt,
        String createdBy,
        String createdByName) {

    static DocumentVersionView of(DocumentVersion v) {
        return new DocumentVersionView(
                v.number(),
                v.contentType(),
                v.fileName(),
                v.size(),
                v.sha256(),
                v.createdAt(),
                v.createdBy(),
                v.createdByName());
    }
}
