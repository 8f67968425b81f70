package io.lotabots.identity.boundary;

import java.util.UUID;

/** What a successful login or refresh hands out. */
public record TokenGrant(String accessToken, long expiresInSeconds, String refreshToken, UUID sessionId) {}
