package io.lotabots.attestation.control;

import io.lotabots.attestation.entity.AttestationType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every {@link Appraiser} the application has, by the type it appraises: the one place the shared
 * lifecycle finds a type's part, so a new type registers by being a bean. Looked up once, not per job.
 */
@ApplicationScoped
public class Appraisers {

    @Inject
    @Any
    Instance<Appraiser> registered;

    Map<AttestationType, Appraiser> byType;

    @PostConstruct
    void index() {
        byType = Collections.unmodifiableMap(index(registered));
    }

    static Map<AttestationType, Appraiser> index(Iterable<Appraiser> appraisers) {
        var index = new EnumMap<AttestationType, Appraiser>(AttestationType.class);
        for (Appraiser appraiser : appraisers) {
            if (index.putIfAbsent(appraiser.type(), appraiser) != null) {
                throw new IllegalStateException("Two appraisers for " + appraiser.type());
            }
        }
        return index;
    }

    /** The appraiser of a type; a type without one is a deployment error, so the job's attempt fails. */
    public Appraiser of(AttestationType type) {
        var appraiser = byType.get(type);
        if (appraiser == null) {
            throw new IllegalStateException("No appraiser for " + type);
        }
        return appraiser;
    }

    /** The types this application can appraise, in the enum's order. */
    public Set<AttestationType> types() {
        return byType.keySet();
    }
}
