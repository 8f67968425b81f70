package io.lotabots.model.boundary;

import io.lotabots.attestation.hardware.boundary.HardwareRefusal;
import io.lotabots.attestation.hardware.control.FieldProblem;
import io.lotabots.model.control.MalformedArchiveException;
import java.util.List;
import java.util.UUID;

/** Every refusal of a model request, made here so that its problem types are decided in one place. */
public final class ModelRefusals {

    private ModelRefusals() {}

    public static HardwareRefusal invalid(String field, String message) {
        return HardwareRefusal.invalid(List.of(new FieldProblem(field, message)));
    }

    public static HardwareRefusal invalid(List<FieldProblem> problems) {
        return HardwareRefusal.invalid(problems);
    }

    /** 413: the model's files together exceed {@code lotabots.model.max-bytes}. */
    public static HardwareRefusal tooLarge(long maxBytes) {
        return HardwareRefusal.tooLarge("The model exceeds " + maxBytes + " bytes, the most a model may hold"
                + " (lotabots.model.max-bytes). Nothing was stored.");
    }

    /** 422 naming the archive entry at fault (or the archive as a whole). */
    public static HardwareRefusal badArchive(MalformedArchiveException e) {
        String what = e.entry() == null
                ? "The archive " + e.getMessage()
                : "Archive entry \"" + e.entry() + "\" " + e.getMessage();
        return HardwareRefusal.unprocessable(
                what + ". Nothing was stored.", List.of(new FieldProblem(ModelSource.ARCHIVE.part(), what)));
    }

    public static HardwareRefusal notFound(UUID id) {
        return HardwareRefusal.notFound("No model " + id + ".");
    }

    /** The upload's reservation lapsed (it could not be renewed in time), and what it stored was removed. */
    public static HardwareRefusal stalled() {
        return HardwareRefusal.conflict("The upload's quota reservation lapsed before the model was recorded"
                + " (not renewed within lotabots.resources.upload-lease); nothing was stored. Upload again.");
    }
}
