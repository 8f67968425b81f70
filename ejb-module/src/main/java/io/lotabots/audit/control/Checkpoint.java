package io.lotabots.audit.control;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a signed checkpoint attests: the chain hash after {@code sequence}, how many events the
 * trail then held, and a reference to the checkpoint before it ({@code null} for the first), so
 * checkpoints form a chain of their own and truncating the trail shows.
 */
public record Checkpoint(long sequence, String hash, String previousCheckpoint, Instant createdAt, long eventCount) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash is not 64 lower-case hex digits");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        if (sequence < 0 || eventCount < 0) {
            throw new IllegalArgumentException("sequence and event count must not be negative");
        }
    }
}
