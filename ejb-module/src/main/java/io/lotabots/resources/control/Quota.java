package io.lotabots.resources.control;

/**
 * The resources a tenant's quota limits. Capacity quotas (bytes held, jobs running) refuse as exceeded: the
 * caller must free something first. The daily CPU budget is a rate, refused until the next UTC day.
 */
public enum Quota {
    STORED_MODEL_BYTES("stored-model-bytes"),
    CONCURRENT_JOBS("concurrent-jobs"),
    CPU_SECONDS_PER_DAY("cpu-seconds-per-day");

    private final String label;

    Quota(String label) {
        this.label = label;
    }

    /** The quota's name in problems, audit events and the API. */
    public String label() {
        return label;
    }
}
