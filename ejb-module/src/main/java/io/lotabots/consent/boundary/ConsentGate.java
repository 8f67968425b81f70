package io.lotabots.consent.boundary;

import io.lotabots.consent.entity.ConsentPurpose;
import io.lotabots.consent.entity.ProcessingActivity;
import io.lotabots.identity.boundary.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * What processing passes before it touches a caller's personal data: every purpose of the tenant with legal
 * basis CONSENT that lists the activity must be granted by the caller now, or the processing is refused
 * (403 {@code consent-required}, audited) before anything is stored. A tenant that gates nothing costs one
 * indexed query.
 */
@Stateless
public class ConsentGate {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    ConsentStates states;

    @Inject
    ConsentAudit audit;

    public void require(Caller caller, ProcessingActivity activity) {
        List<ConsentPurpose> needed = em.createNamedQuery(ConsentPurpose.GATING, ConsentPurpose.class)
                .setParameter("tenant", caller.tenantId())
                .getResultStream()
                .filter(p -> p.requiredFor().contains(activity))
                .toList();
        if (needed.isEmpty()) {
            return;
        }
        var granted = states.granted(caller.tenantId(), caller.subject());
        List<String> missing = needed.stream()
                .filter(p -> !granted.contains(p.id()))
                .map(ConsentPurpose::code)
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            audit.refused(caller, activity, missing);
            throw new ConsentRequiredException(activity, missing);
        }
    }
}
