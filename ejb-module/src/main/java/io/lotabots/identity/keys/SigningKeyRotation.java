package io.lotabots.identity.keys;

import io.lotabots.platform.metrics.TimerRuns;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

/**
 * Rotates the signing key when it is due (90 days by default). A persistent timer: one server of the
 * cluster rotates, the others see the new key file.
 */
@Singleton
public class SigningKeyRotation {

    @Inject
    SigningKeys keys;

    @Schedule(hour = "3", minute = "17", persistent = true, info = "signing-key rotation")
    @Interceptors(TimerRuns.class)
    public void rotateIfDue() {
        keys.rotateIfDue();
    }
}
