package io.lotabots.consent.boundary;

import io.lotabots.consent.entity.ConsentPurpose;
import io.lotabots.consent.entity.LegalBasis;
import io.lotabots.consent.entity.ProcessingActivity;
import java.time.Instant;
import java.util.List;

/** A purpose of the catalogue with its current policy version. */
public record PurposeView(
        String code,
        String name,
        String description,
        LegalBasis legalBasis,
        List<ProcessingActivity> requiredFor,
        int policyVersion,
        Instant createdAt) {

    static PurposeView of(ConsentPurpose p) {
        return new PurposeView(
                p.code(),
                p.name(),
                p.description(),
                p.legalBasis(),
                List.copyOf(p.requiredFor()),
                p.policyVersion(),
                p.createdAt());
    }
}
