package io.lotabots.attestation.entity;

import java.util.Locale;

/**
 * What kind of evidence a job appraises; the lower-case name is its EAR submodule, audit detail and
 * list filter, the metric tag its own ({@code type="ai"} for models, as the product's dashboards name
 * them).
 */
public enum AttestationType {
    HARDWARE("hardware"),
    MODEL("ai");

    private final String metricTag;

    AttestationType(String metricTag) {
        this.metricTag = metricTag;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code type} tag of the attestation metrics. */
    public String metricTag() {
        return metricTag;
    }
}
