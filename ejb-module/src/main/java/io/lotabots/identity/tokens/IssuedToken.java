package io.lotabots.identity.tokens;

import java.time.Instant;

/** A signed access token and when it expires. */
public record IssuedToken(String value, Instant expiresAt, long expiresInSeconds) {}
