package io.lotabots.attestation.console;

import io.lotabots.attestation.boundary.AttestationQuery;
import io.lotabots.attestation.boundary.ReviewState;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.platform.paging.TimeIdCursor;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The filter fields of the attestations view; null means "any". Times are entered in UTC. They are
 * kept in the URL's query parameters ({@code type}, {@code status}, {@code verdict}, {@code device},
 * {@code from}, {@code to}, {@code policy}, {@code review}), so a reload or a shared link shows the same list.
 */
record AttestationFilter(
        AttestationType type,
        AttestationStatus status,
        Verdict verdict,
        UUID deviceId,
        LocalDateTime from,
        LocalDateTime to,
        String policy,
        ReviewState review) {

    static final int PAGE_SIZE = 50;
    static final AttestationFilter ANY = new AttestationFilter(null, null, null, null, null, null, null, null);

    AttestationFilter(
            AttestationType type,
            AttestationStatus status,
            Verdict verdict,
            UUID deviceId,
            LocalDateTime from,
            LocalDateTime to) {
        this(type, status, verdict, deviceId, from, to, null, null);
    }

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
                policy == null || policy.isBlank() ? null : policy.strip(),
                review,
                PAGE_SIZE,
                cursor == null ? null : TimeIdCursor.of(cursor));
    }

    /** A device id as typed: blank is "any"; anything else must be a UUID. */
    static UUID deviceId(String text) {
        return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    }

    /** Only the filters that are set. */
    Map<String, String> parameters() {
        var parameters = new LinkedHashMap<String, String>();
        put(parameters, "type", type == null ? null : type.name());
        put(parameters, "status", status == null ? null : status.name());
        put(parameters, "verdict", verdict == null ? null : verdict.name());
        put(parameters, "device", deviceId == null ? null : deviceId.toString());
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        put(parameters, "policy", policy == null || policy.isBlank() ? null : policy.strip());
        put(parameters, "review", review == null ? null : review.key());
        return parameters;
    }

    /** The filter a URL names; a parameter that cannot be read is left out (as "any"). */
    static AttestationFilter fromParameters(Map<String, List<String>> parameters) {
        return new AttestationFilter(
                read(parameters, "type", AttestationType::valueOf),
                read(parameters, "status", AttestationStatus::valueOf),
                read(parameters, "verdict", Verdict::valueOf),
                read(parameters, "device", UUID::fromString),
                read(parameters, "from", LocalDateTime::parse),
                read(parameters, "to", LocalDateTime::parse),
                read(parameters, "policy", Function.identity()),
                read(parameters, "review", ReviewState::ofKey));
    }

    private static <T> T read(Map<String, List<String>> parameters, String name, Function<String, T> parser) {
        var values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        try {
            return parser.apply(values.get(0).strip());
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            return null;
        }
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
