package io.lotabots.identity.api;

import io.lotabots.identity.boundary.IdentityNotFoundException;
import java.util.UUID;

/** Path ids: something that is not a UUID names nothing, so it is a 404 like any unknown id. */
final class Ids {

    private Ids() {}

    static UUID parse(String id, String kind) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IdentityNotFoundException("No " + kind + " " + id + ".");
        }
    }
}
