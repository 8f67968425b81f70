package io.lotabots.audit.boundary;

import io.lotabots.audit.entity.AuditEvent;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
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

    /** One page, newest first; its cursor names the last event's position, which {@link EventQuery#before} takes. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<AuditEventView> find(EventQuery query) {
        var typed = em.createQuery(query.jpql(), AuditEvent.class).setMaxResults(query.limit() + 1);
        query.parameters().forEach(typed::setParameter);
        return Page.of(typed.getResultList(), query.limit(), AuditEventView::of, e -> PageCursor.afterNumber(e.id()));
    }

    /** How many events match the query's filters across all pages, so a reader knows the total before paging. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(EventQuery query) {
        var typed = em.createQuery(query.countJpql(), Long.class);
        query.countParameters().forEach(typed::setParameter);
        return typed.getSingleResult();
    }
}
