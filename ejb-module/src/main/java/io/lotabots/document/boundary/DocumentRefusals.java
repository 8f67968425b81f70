package io.lotabots.document.boundary;

import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import java.util.List;

/** The document service's refusals, each naming what the client can change. */
public final class DocumentRefusals {

    private DocumentRefusals() {}

    public static Refusal notFound() {
        return Refusal.notFound("No such document in your tenant.");
    }

    static Refusal versionNotFound(int number) {
        return Refusal.notFound("The document has no version " + number + ".");
    }

    public static Refusal tooLarge(long maxBytes) {
        return Refusal.builder(Refusal.Kind.TOO_LARGE, "document-too-large", "Document too large")
                .detail("A document may hold at most " + maxBytes + " bytes; nothing was stored.")
                .member("maxBytes", io.lotabots.platform.json.Json.createValue(maxBytes))
                .build();
    }

    static Refusal unsupportedContent(String reason) {
        return Refusal.builder(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-content", "Content not accepted")
                .detail("The file " + reason + "; nothing was stored.")
                .problems(List.of(new FieldProblem("file", reason)))
                .build();
    }

    static Refusal ifMatchRequired() {
        return Refusal.builder(Refusal.Kind.PRECONDITION_REQUIRED, "if-match-required", "If-Match required")
                .detail("Send If-Match with the ETag of the document you read, so no one else's change is lost.")
                .problems(List.of(new FieldProblem("If-Match", "is required")))
                .build();
    }

    static Refusal stale(long current) {
        return Refusal.staleVersion("The document changed since you read it; read it again.", current);
    }

    static Refusal fileRequired() {
        return Refusal.invalidField("file", "is required: the document's content");
    }

    static Refusal metadataRequired() {
        return Refusal.invalidField("metadata", "is required: a JSON object with title, tags, attributes");
    }

    static Refusal invalid(String field, String message) {
        return Refusal.invalidField(field, message);
    }
}
