package io.lotabots.attestation.console;

import io.lotabots.attestation.boundary.AttestationQuery;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.platform.paging.TimeIdCursor;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The filter fields of the attestations view; null means "any". Times are entered in UTC. */
record AttestationFilter(
        AttestationType type,
        AttestationStatus status,
        Verdict verdict,
        UUID deviceId,
        LocalDateTime from,
        LocalDateTime to) {

    static final int PAGE_SIZE = 50;

    /** The query for the page after {@code cursor} (from the previous page; null for the first). */
    AttestationQuery query(UUID tenantId, String cursor) {
        return new AttestationQuery(
                tenantId,
                type,
                status,
                verdict,
                deviceId,
                from == null ? null : from.toInstant(ZoneOffset.UTC),
                to == null ? null : to.toInstant(ZoneOffset.UTC),
                PAGE_SIZE,
                cursor == null ? null : TimeIdCursor.of(cursor));
    }

    /** A device id as typed: blank is "any"; anything else must be a UUID. */
    static UUID deviceId(String text) {
        return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    }
}
