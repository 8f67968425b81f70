package io.lotabots.identity.keys;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Rotates the signing key when it is due (90 days by default). A persistent timer: one server of the
 * cluster rotates, the others see the new key file.
 */
@Singleton
public class SigningKeyRotation {

    @Inject
    SigningKeys keys;

    @Schedule(hour = "3", minute = "17", persistent = true, info = "signing-key rotation")
    public void rotateIfDue() {
        keys.rotateIfDue();
    }
}
