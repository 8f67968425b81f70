package io.lotabots.audit.boundary;

import io.lotabots.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads the audit trail of one tenant, a page at a time. */
@Stateless
public class AuditEvents {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public EventPage find(EventQuery query) {
        var typed = em.createQuery(query.jpql(), AuditEvent.class).setMaxResults(query.limit() + 1);
        query.parameters().forEach(typed::setParameter);
        var rows = typed.getResultList();
        boolean more = rows.size() > query.limit();
        var page = more ? rows.subList(0, query.limit()) : rows;
        return new EventPage(
                page.stream().map(AuditEventView::of).toList(),
                more ? page.get(page.size() - 1).id() : null);
    }
}
