package io.lotabots.smoke.boundary;

/** What handling one job message did. */
public enum ProcessingOutcome {
    PROCESSED,
    ALREADY_FINAL,
    /** No row yet: the message overtook its row's commit, or names no job; redeliver (bounded). */
    NOT_VISIBLE
}
