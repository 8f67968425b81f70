package io.lotabots.attestation.model.control;

/**
 * How bad what a model check found is, in the order {@code safe < suspicious < malformed < unsafe}: a
 * model's verdict is the worst risk among its findings, so the declaration order is the comparison order.
 */
public enum ModelRisk {
    SAFE,
    SUSPICIOUS,
    MALFORMED,
    UNSAFE;

    public ModelRisk worse(ModelRisk other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
