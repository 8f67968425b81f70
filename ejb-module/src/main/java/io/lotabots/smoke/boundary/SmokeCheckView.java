package io.lotabots.smoke.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** A smoke check as clients see it; {@code result} is the document read back from S3 once completed. */
public record SmokeCheckView(
        UUID id,
        String status,
        String message,
        String inputKey,
        String resultKey,
        String resultSha256,
        String failureReason,
        int attempts,
        Instant createdAt,
        Instant completedAt,
        JsonObject result) {}
