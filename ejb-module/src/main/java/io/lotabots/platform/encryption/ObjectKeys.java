package io.lotabots.platform.encryption;

import java.util.UUID;

/**
 * Which tenant owns a stored object, read from its key. The rule every writer follows: the tenant's id is
 * the segment after the object type, {@code {type}/{tenant}/...} ({@code attestations/}, {@code models/},
 * {@code documents/}), or after type and kind for the audit trail, {@code audit/{kind}/{tenant}/...}
 * ({@code audit/checkpoints/}). The platform's own objects use the zero UUID. A key that follows neither
 * form is refused: its object could not be encrypted under any tenant's key.
 */
public final class ObjectKeys {

    private ObjectKeys() {}

    public static UUID tenant(String objectKey) {
        String[] segments = objectKey.split("/", 4);
        if (segments.length >= 3) {
            UUID second = uuid(segments[1]);
            if (second != null) {
                return second;
            }
            if (segments.length == 4 && segments[0].equals("audit")) {
                UUID third = uuid(segments[2]);
                if (third != null) {
                    return third;
                }
            }
        }
        throw new IllegalArgumentException("object key " + objectKey
                + " names no tenant: keys are {type}/{tenant}/... or audit/{kind}/{tenant}/...");
    }

    private static UUID uuid(String segment) {
        if (segment.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(segment);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
