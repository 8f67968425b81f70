package io.lotabots.platform;

import io.lotabots.audit.boundary.AuditTrail;

/** A platform class that reaches up into the audit trail: DependencyDirectionTest must refuse it. */
public final class WrongWayFixture {

    private WrongWayFixture() {}

    static Class<?> reachesUp() {
        return AuditTrail.class;
    }
}
