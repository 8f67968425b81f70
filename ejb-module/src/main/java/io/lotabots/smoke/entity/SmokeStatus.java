package io.lotabots.smoke.entity;

/** Where a smoke check is in its life. */
public enum SmokeStatus {
    PENDING,
    COMPLETED,
    FAILED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
