package io.lotabots.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lotabots.audit.control.PersonalValues.Party;
import io.lotabots.audit.entity.AuditEvent;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventAttributionTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID CALLERS_TENANT = UUID.randomUUID();

    private static AuditContext request() {
        var context = new AuditContext();
        context.origin("203.0.113.7", "curl/8.5");
        context.authenticated(new AuditContext.Caller("user-1", "alice", CALLERS_TENANT));
        return context;
    }

    /** The event as read back: its personal values come from its parts. */
    private static AuditEventView view(AuditEvent event) {
        var personal = new EnumMap<Party, JsonObject>(Party.class);
        event.personalParts().forEach(p -> personal.put(p.party(), p.personal()));
        return AuditEventView.of(event, personal);
    }

    @Test
    void anEventOfARequestIsTheCallersWithTheRequestsOrigin() {
        var event = EventAttribution.event(
                AuditRecord.success("auth.logout").build(), Optional.of(request()), UUID.randomUUID(), Instant.EPOCH);

        assertEquals("user-1", event.actor());
        assertEquals("alice", view(event).actorName());
        assertEquals(CALLERS_TENANT, event.tenantId());
        assertEquals("203.0.113.7", view(event).sourceIp());
        assertEquals("curl/8.5", view(event).userAgent());
    }

    @Test
    void aRecordThatNamesItsActorAndTenantKeepsThem() {
        var record = AuditRecord.failure("auth.login.failed")
                .actor("mallory", "mallory")
                .tenant(TENANT)
                .build();

        var event = EventAttribution.event(record, Optional.of(request()), UUID.randomUUID(), Instant.EPOCH);

        assertEquals("mallory", event.actor());
        assertEquals(TENANT, event.tenantId());
        assertEquals("203.0.113.7", view(event).sourceIp(), "the origin is still the request's");
    }

    @Test
    void withoutARequestTheSystemActsOnThePlatformChain() {
        var event = EventAttribution.event(
                AuditRecord.success("keys.rotated").build(), Optional.empty(), UUID.randomUUID(), Instant.EPOCH);

        assertEquals("system", event.actor());
        assertNull(view(event).actorName());
        assertEquals(AuditTrail.PLATFORM, event.tenantId());
        assertNull(view(event).sourceIp());
    }

    @Test
    void anAnonymousRequestIsAttributedToTheSystemButKeepsItsOrigin() {
        var anonymous = new AuditContext();
        anonymous.origin("198.51.100.1", null);

        var event = EventAttribution.event(
                AuditRecord.failure("auth.refresh.failed").build(),
                Optional.of(anonymous),
                UUID.randomUUID(),
                Instant.EPOCH);

        assertEquals("system", event.actor());
        assertEquals("198.51.100.1", view(event).sourceIp());
    }
}
