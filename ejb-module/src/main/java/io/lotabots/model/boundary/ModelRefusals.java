package io.lotabots.model.boundary;

import io.lotabots.model.control.MalformedArchiveException;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import java.util.List;
import java.util.UUID;

/** Every refusal of a model request, made here so that its problem types are decided in one place. */
public final class ModelRefusals {

    private ModelRefusals() {}

    public static Refusal invalid(String field, String message) {
        return Refusal.invalidField(field, message);
    }

    public static Refusal invalid(List<FieldProblem> problems) {
        return Refusal.invalidInput(problems);
    }

    /** 413: the model's files together exceed {@code lotabots.model.max-bytes}. */
    public static Refusal tooLarge(long maxBytes) {
        return Refusal.of(
                Refusal.Kind.TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "The model exceeds " + maxBytes + " bytes, the most a model may hold"
                        + " (lotabots.model.max-bytes). Nothing was stored.");
    }

    /** 422 naming the archive entry at fault (or the archive as a whole). */
    public static Refusal badArchive(MalformedArchiveException e) {
        String what = e.entry() == null
                ? "The archive " + e.getMessage()
                : "Archive entry \"" + e.entry() + "\" " + e.getMessage();
        return Refusal.builder(Refusal.Kind.UNPROCESSABLE, "unprocessable-content", "Unprocessable content")
                .detail(what + ". Nothing was stored.")
                .problems(List.of(new FieldProblem(ModelSource.ARCHIVE.part(), what)))
                .build();
    }

    public static Refusal notFound(UUID id) {
        return Refusal.notFound("No model " + id + ".");
    }

    /** The upload's reservation lapsed (it could not be renewed in time), and what it stored was removed. */
    public static Refusal stalled() {
        return Refusal.conflict("The upload's quota reservation lapsed before the model was recorded"
                + " (not renewed within lotabots.resources.upload-lease); nothing was stored. Upload again.");
    }
}
