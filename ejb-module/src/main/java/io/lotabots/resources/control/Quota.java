package io.lotabots.resources.control;

/**
 * The resources a tenant's quota limits. Capacity quotas (bytes held, jobs running) refuse with 409: the
 * caller must free something first. The daily CPU budget is a rate: 429 until the next UTC day.
 */
public enum Quota {
    STORED_MODEL_BYTES("stored-model-bytes", 409),
    CONCURRENT_JOBS("concurrent-jobs", 409),
    CPU_SECONDS_PER_DAY("cpu-seconds-per-day", 429);

    private final String label;
    private final int status;

    Quota(String label, int status) {
        this.label = label;
        this.status = status;
    }

    /** The quota's name in problems, audit events and the API. */
    public String label() {
        return label;
    }

    /** The HTTP status a refusal by this quota answers with. */
    public int status() {
        return status;
    }
}
