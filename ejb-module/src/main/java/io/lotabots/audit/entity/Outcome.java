package io.lotabots.audit.entity;

/** How an audited action ended: done, failed (bad credentials, invalid input), or refused by policy. */
public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
}
