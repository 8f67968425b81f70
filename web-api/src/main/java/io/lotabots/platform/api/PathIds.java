package io.lotabots.platform.api;

import io.lotabots.platform.refusal.Refusal;
import java.util.UUID;

/** Ids in paths: something that is not a UUID names nothing, so it is a 404 like any unknown id. */
public final class PathIds {

    private PathIds() {}

    /** The id, or a 404 naming the kind of thing ({@code "user"}, {@code "device"}) that was asked for. */
    public static UUID parse(String id, String kind) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("No " + kind + " " + id + ".");
        }
    }
}
