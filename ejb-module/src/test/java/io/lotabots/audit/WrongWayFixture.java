package io.lotabots.audit;

import io.lotabots.identity.boundary.Caller;

/** An audit class that reaches up into identity: DependencyDirectionTest must refuse it. */
public final class WrongWayFixture {

    private WrongWayFixture() {}

    static Class<?> reachesUp() {
        return Caller.class;
    }
}
