package io.lotabots.attestation.model.control;

import java.util.Objects;

/**
 * One thing a model check found, precise enough to locate it: the model file, where in it (a container
 * entry, a byte offset, the pickle opcode), what it is (the imported global as {@code module.name}, or the
 * rule broken, such as {@code safetensors.offsets-not-contiguous}), how bad it is, and a sentence for people.
 * Location parts that do not apply are null.
 */
public record Finding(
        String file,
        String entry,
        Long offset,
        String opcode,
        String global,
        String rule,
        ModelRisk severity,
        String detail) {

    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(detail, "detail");
    }
}
