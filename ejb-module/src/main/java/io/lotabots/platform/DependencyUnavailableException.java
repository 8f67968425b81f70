package io.lotabots.platform;

import jakarta.ejb.ApplicationException;

/**
 * A dependency (PostgreSQL, Redis, S3, messaging) did not answer. Callers get 503 with Retry-After;
 * the surrounding transaction is rolled back so nothing is half-written.
 */
@ApplicationException(rollback = true)
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable", cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
