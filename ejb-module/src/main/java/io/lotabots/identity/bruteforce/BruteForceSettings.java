package io.lotabots.identity.bruteforce;

import io.lotabots.identity.control.BruteForcePolicy;
import io.lotabots.identity.control.FailureThreshold;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The brute-force policy from {@code lotabots.identity.bruteforce.*} (defaults documented in the README). */
@ApplicationScoped
public class BruteForceSettings {

    private static final String PREFIX = "lotabots.identity.bruteforce.";

    @Produces
    @Singleton
    BruteForcePolicy policy(
            @ConfigProperty(name = PREFIX + "account.delay-after", defaultValue = "3") int accountDelayAfter,
            @ConfigProperty(name = PREFIX + "account.lock-after", defaultValue = "10") int accountLockAfter,
            @ConfigProperty(name = PREFIX + "address.delay-after", defaultValue = "20") int addressDelayAfter,
            @ConfigProperty(name = PREFIX + "address.lock-after", defaultValue = "100") int addressLockAfter,
            @ConfigProperty(name = PREFIX + "window", defaultValue = "PT15M") Duration window,
            @ConfigProperty(name = PREFIX + "delay", defaultValue = "PT1S") Duration delay,
            @ConfigProperty(name = PREFIX + "max-delay", defaultValue = "PT8S") Duration maxDelay,
            @ConfigProperty(name = PREFIX + "lock-duration", defaultValue = "PT15M") Duration lockDuration,
            @ConfigProperty(name = PREFIX + "max-lock-duration", defaultValue = "PT24H") Duration maxLockDuration) {
        return new BruteForcePolicy(
                new FailureThreshold(accountDelayAfter, accountLockAfter),
                new FailureThreshold(addressDelayAfter, addressLockAfter),
                window,
                delay,
                maxDelay,
                lockDuration,
                maxLockDuration);
    }
}
