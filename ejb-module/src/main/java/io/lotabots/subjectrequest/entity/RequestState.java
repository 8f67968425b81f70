package io.lotabots.subjectrequest.entity;

/**
 * Where a request stands. Rectifications are OPEN until an officer completes them; erasures wait for an
 * approval; export and erasure jobs are PENDING, then PROCESSING under a lease, then COMPLETED or FAILED.
 */
public enum RequestState {
    OPEN,
    AWAITING_APPROVAL,
    PENDING,
    PROCESSING,
    COMPLETED,
    REJECTED,
    FAILED;

    /** Closed requests no longer run on the GDPR clock. */
    public boolean closed() {
        return this == COMPLETED || this == REJECTED;
    }
}
