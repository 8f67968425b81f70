package io.lotabots.audit.boundary;

import io.lotabots.platform.ids.TimeOrderedIds;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way to write the audit trail. An event is appended in the caller's transaction, so it
 * commits or rolls back together with the change it records; the sealer chains it later.
 */
@Stateless
public class AuditTrail {

    /** The chain of events that belong to no tenant: key rotation, a login to an unknown tenant. */
    public static final UUID PLATFORM = new UUID(0, 0);

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    AuditContext context;

    @Inject
    Clock clock;

    /** Appends an event to the caller's transaction, which must exist; returns the event's id. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public UUID record(AuditRecord record) {
        return append(record);
    }

    /**
     * Appends an event in a transaction of its own, for actions that change nothing in the database
     * (a key file written), so the event does not depend on an unrelated caller's commit.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public UUID recordAlone(AuditRecord record) {
        return append(record);
    }

    private UUID append(AuditRecord record) {
        var event = EventAttribution.event(record, origin(), TimeOrderedIds.next(), clock.instant());
        em.persist(event);
        event.personalParts().forEach(em::persist);
        return event.eventId();
    }

    /** The request's context; outside a request scope (a startup callback) there is none. */
    private Optional<AuditContext> origin() {
        try {
            context.sourceIp(); // touching the proxy tells whether a request scope is active
            return Optional.of(context);
        } catch (ContextNotActiveException noRequest) {
            return Optional.empty();
        }
    }
}
