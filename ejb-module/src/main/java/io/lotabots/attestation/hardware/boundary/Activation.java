package io.lotabots.attestation.hardware.boundary;

/**
 * How an activation attempt ended. Only {@link Outcome#ACTIVATED} changed the device's status; every
 * outcome is audited and committed (a wrong secret counts against the attempts left).
 */
public record Activation(Outcome outcome, DeviceView device, int attemptsLeft) {

    /** The outcomes an activation attempt can have. */
    public enum Outcome {
        ACTIVATED,
        WRONG_SECRET,
        NO_ATTEMPTS_LEFT,
        EXPIRED,
        NOT_PENDING
    }
}
