package io.lotabots.audit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.audit.boundary.EventQuery;
import io.lotabots.audit.entity.Outcome;
import io.lotabots.platform.paging.PageCursor;
import io.lotabots.platform.refusal.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final UUID TENANT = UUID.randomUUID();
    private final List<FieldProblem> errors = new ArrayList<>();

    @Test
    void withoutParametersListsTheTenantFiftyAtATime() {
        var query = new EventFilter().parse(TENANT, errors);

        assertTrue(errors.isEmpty());
        assertEquals(TENANT, query.tenantId());
        assertEquals(EventQuery.DEFAULT_LIMIT, query.limit());
    }

    @Test
    void readsEveryFilter() {
        var filter = new EventFilter();
        filter.actor = "mallory";
        filter.action = "auth.login.*";
        filter.targetType = "user";
        filter.targetId = "42";
        filter.outcome = "DENIED";
        filter.from = "2026-01-01T00:00:00Z";
        filter.to = "2026-01-02T00:00:00Z";
        filter.cursor = PageCursor.afterNumber(77);
        filter.limit = "200";

        var query = filter.parse(TENANT, errors);

        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(
                new EventQuery(
                        TENANT,
                        "mallory",
                        "auth.login.*",
                        "user",
                        "42",
                        Outcome.DENIED,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-02T00:00:00Z"),
                        77L,
                        200),
                query);
    }

    @Test
    void emptyParametersCountAsAbsent() {
        var filter = new EventFilter();
        filter.actor = "";
        filter.limit = " ";

        var query = filter.parse(TENANT, errors);

        assertTrue(errors.isEmpty());
        assertNull(query.actor());
        assertEquals(EventQuery.DEFAULT_LIMIT, query.limit());
    }

    @Test
    void namesEveryInvalidParameterAtOnce() {
        var filter = new EventFilter();
        filter.actor = "a".repeat(201);
        filter.action = "Login";
        filter.targetId = "42";
        filter.outcome = "success";
        filter.from = "yesterday";
        filter.to = "2026-13-01T00:00:00Z";
        filter.cursor = "forged";
        filter.limit = "1e3";

        assertNull(filter.parse(TENANT, errors));
        assertEquals(
                List.of("action", "actor", "cursor", "from", "limit", "outcome", "targetId", "to"),
                errors.stream().map(FieldProblem::field).sorted().toList());
    }

    @Test
    void refusesLimitsOutsideOneToTwoHundredAndBackwardRanges() {
        for (String limit : new String[] {"0", "-1", "201"}) {
            var filter = new EventFilter();
            filter.limit = limit;
            var found = new ArrayList<FieldProblem>();
            filter.parse(TENANT, found);
            assertEquals(
                    List.of("limit"), found.stream().map(FieldProblem::field).toList(), limit);
        }
        var backwards = new EventFilter();
        backwards.from = "2026-01-02T00:00:00Z";
        backwards.to = "2026-01-01T00:00:00Z";
        backwards.parse(TENANT, errors);
        assertEquals(List.of("to"), errors.stream().map(FieldProblem::field).toList());
    }
}
