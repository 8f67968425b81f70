package io.lotabots.audit.boundary;

import io.lotabots.audit.control.PersonalValues.Party;
import io.lotabots.audit.control.PseudonymisedEvent;
import io.lotabots.audit.entity.AuditEvent;
import io.lotabots.audit.entity.AuditPersonal;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the audit trail of one tenant, a page at a time. */
@Stateless
public class AuditEvents {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    /** One page, newest first; its cursor names the last event's position, which {@link EventQuery#before} takes. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<AuditEventView> find(EventQuery query) {
        var typed = em.createQuery(query.jpql(), AuditEvent.class).setMaxResults(query.limit() + 1);
        query.parameters().forEach(typed::setParameter);
        List<AuditEvent> events = typed.getResultList();
        var personal = personal(events);
        return Page.of(
                events,
                query.limit(),
                e -> AuditEventView.of(e, personal.getOrDefault(e.eventId(), Map.of())),
                e -> PageCursor.afterNumber(e.id()));
    }

    /** The personal values of a page's format-2 events, by event and party, read in one query. */
    private Map<UUID, Map<Party, JsonObject>> personal(List<AuditEvent> events) {
        var ids = events.stream()
                .filter(e -> e.format() == PseudonymisedEvent.FORMAT)
                .map(AuditEvent::eventId)
                .toList();
        var byEvent = new HashMap<UUID, Map<Party, JsonObject>>();
        if (ids.isEmpty()) {
            return byEvent;
        }
        em.createNamedQuery(AuditPersonal.OF_EVENTS, AuditPersonal.class)
                .setParameter("eventIds", ids)
                .getResultStream()
                .forEach(p -> byEvent.computeIfAbsent(p.eventId(), id -> new EnumMap<>(Party.class))
                        .put(p.party(), p.personal()));
        return byEvent;
    }

    /** How many events match the query's filters across all pages, so a reader knows the total before paging. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(EventQuery query) {
        var typed = em.createQuery(query.countJpql(), Long.class);
        query.countParameters().forEach(typed::setParameter);
        return typed.getSingleResult();
    }
}
