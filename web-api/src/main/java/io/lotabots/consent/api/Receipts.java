package io.lotabots.consent.api;

import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** A receipt answer, for the officers' and the subject's endpoints alike: the stored text as it is, or 404. */
final class Receipts {

    private Receipts() {}

    static UUID recordId(String id) {
        return PathIds.parse(id, "consent record");
    }

    static Response answer(Optional<String> receipt) {
        return receipt.map(r -> Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build())
                .orElseThrow(() -> Refusal.notFound("No consent record of that id in the tenant."));
    }
}
