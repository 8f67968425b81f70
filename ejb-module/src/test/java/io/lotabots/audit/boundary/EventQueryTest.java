package io.lotabots.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.audit.entity.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventQueryTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void withoutFiltersReadsTheTenantNewestFirst() {
        var query = new EventQuery(TENANT, null, null, null, null, null, null, null, null, 50);

        assertEquals("select e from AuditEvent e where e.tenantId = :tenantId order by e.id desc", query.jpql());
        assertEquals(java.util.Map.of("tenantId", TENANT), query.parameters());
    }

    @Test
    void everyFilterBecomesOneCondition() {
        var from = Instant.parse("2026-01-01T00:00:00Z");
        var to = Instant.parse("2026-02-01T00:00:00Z");
        var query =
                new EventQuery(TENANT, "mallory", "auth.login.failed", "user", "42", Outcome.FAILURE, from, to, 99L, 2);

        assertEquals(
                "select e from AuditEvent e where e.tenantId = :tenantId and e.actor = :actor"
                        + " and e.action = :action and e.targetType = :targetType and e.targetId = :targetId"
                        + " and e.outcome = :outcome and e.occurredAt >= :from and e.occurredAt < :to"
                        + " and e.id < :before order by e.id desc",
                query.jpql());
        assertEquals(99L, query.parameters().get("before"));
    }

    @Test
    void anActionEndingInWildcardIsAPrefix() {
        var query = new EventQuery(TENANT, null, "auth.login.*", null, null, null, null, null, null, 50);

        assertEquals(
                "select e from AuditEvent e where e.tenantId = :tenantId and e.action like :actionPrefix"
                        + " order by e.id desc",
                query.jpql());
        assertEquals("auth.login.%", query.parameters().get("actionPrefix"));
    }

    @Test
    void refusesPagesOutsideOneToTwoHundred() {
        assertThrows(IllegalArgumentException.class, () -> query(0));
        assertThrows(IllegalArgumentException.class, () -> query(201));
        assertEquals(200, query(200).limit());
    }

    @Test
    void refusesATargetIdWithoutTypeAndAnEmptyTimeRange() {
        var instant = Instant.parse("2026-01-01T00:00:00Z");
        assertThrows(
                IllegalArgumentException.class,
                () -> new EventQuery(TENANT, null, null, null, "42", null, null, null, null, 50));
        assertThrows(
                IllegalArgumentException.class,
                () -> new EventQuery(TENANT, null, null, null, null, null, instant, instant, null, 50));
    }

    private static EventQuery query(int limit) {
        return new EventQuery(TENANT, null, null, null, null, null, null, null, null, limit);
    }
}
