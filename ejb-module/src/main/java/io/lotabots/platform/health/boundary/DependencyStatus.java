package io.lotabots.platform.health.boundary;

import java.io.Serializable;
import java.time.Instant;

/** The outcome of probing one external dependency (PostgreSQL, Redis, S3, messaging). */
public record DependencyStatus(String name, boolean up, String detail, long latencyMillis, Instant checkedAt)
        implements Serializable {}
