package io.lotabots.attestation.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttestationFilterTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void asksForEveryChosenFieldInTheTenantWithTimesReadAsUtc() {
        var device = UUID.randomUUID();
        var filter = new AttestationFilter(
                AttestationType.HARDWARE,
                AttestationStatus.REJECTED,
                Verdict.CONTRAINDICATED,
                device,
                LocalDateTime.parse("2026-11-26T10:00:00"),
                LocalDateTime.parse("2026-11-26T12:00:00"));

        var query = filter.query(TENANT, null);

        assertEquals(TENANT, query.tenantId());
        assertEquals(AttestationType.HARDWARE, query.type());
        assertEquals(AttestationStatus.REJECTED, query.status());
        assertEquals(Verdict.CONTRAINDICATED, query.verdict());
        assertEquals(device, query.deviceId());
        assertEquals(Instant.parse("2026-11-26T10:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-11-26T12:00:00Z"), query.to());
        assertEquals(AttestationFilter.PAGE_SIZE, query.limit());
    }

    @Test
    void fieldsLeftEmptyMeanAny() {
        var query = new AttestationFilter(null, null, null, null, null, null).query(TENANT, null);

        assertNull(query.type());
        assertNull(query.status());
        assertNull(query.verdict());
        assertNull(query.deviceId());
        assertNull(query.from());
        assertNull(query.to());
        assertNull(query.after());
    }

    @Test
    void aDeviceIdIsBlankOrAUuid() {
        var id = UUID.randomUUID();

        assertNull(AttestationFilter.deviceId("  "));
        assertNull(AttestationFilter.deviceId(null));
        assertEquals(id, AttestationFilter.deviceId(" " + id + " "));
        assertThrows(IllegalArgumentException.class, () -> AttestationFilter.deviceId("not-a-device"));
    }

    @Test
    void urlParametersRoundTripWithReviewAndPolicy() {
        var filter = new AttestationFilter(
                AttestationType.MODEL,
                AttestationStatus.VERIFIED,
                Verdict.WARNING,
                UUID.randomUUID(),
                LocalDateTime.parse("2026-11-26T10:00:00"),
                LocalDateTime.parse("2026-11-26T12:00:01"),
                "default",
                io.lotabots.attestation.boundary.ReviewState.NOT_REVIEWED);
        var lists = new java.util.HashMap<String, java.util.List<String>>();
        filter.parameters().forEach((k, v) -> lists.put(k, java.util.List.of(v)));

        assertEquals("not-reviewed", filter.parameters().get("review"));
        assertEquals(filter, AttestationFilter.fromParameters(lists));
        var query = filter.query(TENANT, null);
        assertEquals("default", query.policy());
        assertEquals(io.lotabots.attestation.boundary.ReviewState.NOT_REVIEWED, query.review());
    }

    @Test
    void unreadableUrlParametersMeanAny() {
        var filter = AttestationFilter.fromParameters(java.util.Map.of(
                "review", java.util.List.of("maybe"),
                "device", java.util.List.of("not-a-uuid"),
                "from", java.util.List.of("yesterday")));

        assertEquals(AttestationFilter.ANY, filter);
        assertEquals(java.util.Map.of(), filter.parameters());
    }
}
