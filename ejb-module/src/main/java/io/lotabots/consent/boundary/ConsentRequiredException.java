package io.lotabots.consent.boundary;

import io.lotabots.consent.entity.ProcessingActivity;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** Processing refused because its subject has not granted (or has withdrawn) a purpose it needs. 403. */
@ApplicationException(rollback = true)
public class ConsentRequiredException extends Refusal {

    private static final long serialVersionUID = 1L;

    ConsentRequiredException(ProcessingActivity activity, List<String> purposes) {
        super(Refusal.builder(Kind.FORBIDDEN, "consent-required", "Consent required")
                .detail(activity + " needs the caller's consent to " + String.join(", ", purposes)
                        + "; grant it with PUT /api/v1/privacy/me/consents/{purpose}. Nothing was stored.")
                .member("activity", Json.createValue(activity.name()))
                .member("purposes", Json.createArrayBuilder(purposes).build()));
    }
}
