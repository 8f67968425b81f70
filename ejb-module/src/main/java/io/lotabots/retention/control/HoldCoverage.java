package io.lotabots.retention.control;

import io.lotabots.retention.entity.HoldScope;
import java.util.Collection;

/** Whether any of a tenant's active holds covers an object: the tenant, its owner, or the object itself. */
public final class HoldCoverage {

    /** The facts of one active hold that decide what it covers. */
    public record Hold(HoldScope scope, String subject, HeldObject object) {}

    private HoldCoverage() {}

    public static boolean covers(Collection<Hold> holds, HeldObject object) {
        return holds.stream().anyMatch(hold -> covers(hold, object));
    }

    static boolean covers(Hold hold, HeldObject object) {
        return switch (hold.scope()) {
            case TENANT -> true;
            case SUBJECT -> hold.subject().equals(object.owner());
            case OBJECT -> hold.object().type() == object.type()
                    && hold.object().id().equals(object.id());
        };
    }
}
