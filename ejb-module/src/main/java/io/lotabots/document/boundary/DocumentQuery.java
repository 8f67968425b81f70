package io.lotabots.document.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A page of a tenant's documents: filters (each optional), the order, and where the page starts.
 *
 * @param attributes documents whose attributes contain this JSON object (PostgreSQL {@code @>})
 */
public record DocumentQuery(
        String tag,
        JsonObject attributes,
        Instant createdFrom,
        Instant createdBefore,
        String titlePrefix,
        DocumentSort sort,
        String cursor,
        int limit) {

    /** Identifies the page within its tenant, for the cache. */
    String cacheKey() {
        return String.join(
                "|",
                String.valueOf(tag),
                String.valueOf(attributes),
                String.valueOf(createdFrom),
                String.valueOf(createdBefore),
                String.valueOf(titlePrefix),
                sort.name(),
                String.valueOf(cursor),
                Integer.toString(limit));
    }
}
