package io.lotabots.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a signed checkpoint attests: which chain (each tenant's trail is a chain of its own), the
 * chain hash after {@code sequence}, how many events the trail then held, and the SHA-256 of the
 * checkpoint before it ({@code null} for the first), so checkpoints form a chain of their own and
 * truncating the trail shows.
 */
public record Checkpoint(
        String chain, long sequence, String hash, String previousCheckpoint, Instant createdAt, long eventCount) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        Objects.requireNonNull(chain, "chain");
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash is not 64 lower-case hex digits");
        }
        if (previousCheckpoint != null
                && !SHA256_HEX.matcher(previousCheckpoint).matches()) {
            throw new IllegalArgumentException("previous checkpoint is not 64 lower-case hex digits");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        if (sequence < 0 || eventCount < 0) {
            throw new IllegalArgumentException("sequence and event count must not be negative");
        }
    }

    /** How the next checkpoint names this one: the SHA-256 (hex) of its signed compact JWS. */
    public static String referenceTo(String jws) {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(jws.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
