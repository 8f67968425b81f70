package io.lotabots.consent.boundary;

import java.time.Instant;

/** An officer's search over consents; every member is optional, {@code from} inclusive, {@code to} exclusive. */
public record ConsentFilter(String subject, String purpose, String state, Instant from, Instant to) {}
