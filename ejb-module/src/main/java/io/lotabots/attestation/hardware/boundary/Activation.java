package io.lotabots.attestation.hardware.boundary;

import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;

/**
 * How an activation attempt ended. Only {@link Outcome#ACTIVATED} changed the device's status; every
 * outcome is audited and committed (a wrong secret counts against the attempts left).
 */
record Activation(Outcome outcome, DeviceView device, int attemptsLeft) {

    /** The outcomes an activation attempt can have. */
    enum Outcome {
        ACTIVATED,
        WRONG_SECRET,
        NO_ATTEMPTS_LEFT,
        EXPIRED,
        NOT_PENDING
    }

    /** Why the device was not activated; committed, so the attempt it counted and its audit event stay. */
    Refusal refusal() {
        var refusal =
                switch (outcome) {
                    case ACTIVATED -> throw new IllegalStateException("an activated device is no refusal");
                    case WRONG_SECRET -> Refusal.builder(
                                    Kind.INVALID_INPUT, "activation-secret-mismatch", "Wrong secret")
                            .detail("The secret is not the one the credential protects; " + attemptsLeft
                                    + " attempt(s) left.");
                    case NO_ATTEMPTS_LEFT -> Refusal.builder(
                                    Kind.CONFLICT, "activation-attempts-exhausted", "No attempts left")
                            .detail("Too many wrong secrets; retire the device and enroll it again.");
                    case EXPIRED -> Refusal.builder(Kind.CONFLICT, "activation-expired", "Activation expired")
                            .detail("The credential expired; retire the device and enroll it again.");
                    case NOT_PENDING -> Refusal.builder(Kind.CONFLICT, "device-not-pending", "Not pending activation")
                            .detail("The device is " + device.status() + ".");
                };
        return refusal.committed().build();
    }
}
