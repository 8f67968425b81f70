package io.lotabots.identity.boundary;

import io.lotabots.identity.control.Argon2Parameters;
import io.lotabots.identity.control.PasswordHasher;
import io.lotabots.identity.control.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The password hasher and policy at the configured parameters (OWASP Argon2id by default); both are
 * immutable, so one plain instance each (no proxy) serves every caller.
 */
@ApplicationScoped
public class PasswordHashing {

    @Produces
    @Singleton
    PasswordHasher hasher(
            @ConfigProperty(name = "lotabots.identity.argon2.memory-kib", defaultValue = "19456") int memoryKiB,
            @ConfigProperty(name = "lotabots.identity.argon2.iterations", defaultValue = "2") int iterations,
            @ConfigProperty(name = "lotabots.identity.argon2.parallelism", defaultValue = "1") int parallelism,
            @ConfigProperty(name = "lotabots.identity.argon2.max-concurrent", defaultValue = "0") int maxConcurrent) {
        var target = new Argon2Parameters(memoryKiB, iterations, parallelism);
        // 0: one hash at a time per processor
        return maxConcurrent == 0 ? new PasswordHasher(target) : new PasswordHasher(target, maxConcurrent);
    }

    @Produces
    @Singleton
    PasswordPolicy policy(
            @ConfigProperty(name = "lotabots.identity.password.min-length", defaultValue = "12") int minLength) {
        return PasswordPolicy.withBundledList(minLength);
    }
}
