package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import java.time.Instant;
import java.util.UUID;

/**
 * A page request over one tenant's attestations, newest first. Every filter is optional; {@code from}
 * is inclusive, {@code to} exclusive; {@code after} is where the previous page ended.
 */
public record AttestationQuery(
        UUID tenantId,
        AttestationType type,
        AttestationStatus status,
        Verdict verdict,
        UUID deviceId,
        Instant from,
        Instant to,
        int limit,
        PageCursor after) {

    /** The sort key of the last item of a page: submission time, then id. */
    public record PageCursor(Instant submittedAt, UUID id) {

        private static final String VERSION = "a1:";

        /** Opaque to clients; a forged one can only move within the caller's own tenant. */
        public String encode() {
            String text = VERSION + submittedAt.getEpochSecond() + ":" + submittedAt.getNano() + ":" + id;
            return java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        /** The cursor, or empty if the text is not one this server issued. */
        public static java.util.Optional<PageCursor> decode(String cursor) {
            try {
                String text = new String(
                        java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.US_ASCII);
                if (!text.startsWith(VERSION)) {
                    return java.util.Optional.empty();
                }
                String[] parts = text.substring(VERSION.length()).split(":", 3);
                if (parts.length != 3) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new PageCursor(
                        Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        UUID.fromString(parts[2])));
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
