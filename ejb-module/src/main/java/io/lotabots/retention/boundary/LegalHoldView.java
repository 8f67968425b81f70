package io.lotabots.retention.boundary;

import io.lotabots.retention.entity.LegalHold;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A legal hold as the API and the console show it; {@code active} until it is released. */
public record LegalHoldView(
        UUID id,
        String scope,
        String subject,
        String objectType,
        UUID objectId,
        String reason,
        boolean active,
        String placedBy,
        String placedByName,
        Instant placedAt,
        String releasedBy,
        String releasedByName,
        Instant releasedAt,
        String releaseReason) {

    static LegalHoldView of(LegalHold hold) {
        return new LegalHoldView(
                hold.id(),
                hold.scope().name().toLowerCase(Locale.ROOT),
                hold.subject(),
                hold.objectType() == null ? null : hold.objectType().name().toLowerCase(Locale.ROOT),
                hold.objectId(),
                hold.reason(),
                hold.active(),
                hold.placedBy(),
                hold.placedByName(),
                hold.placedAt(),
                hold.releasedBy(),
                hold.releasedByName(),
                hold.releasedAt(),
                hold.releaseReason());
    }
}
