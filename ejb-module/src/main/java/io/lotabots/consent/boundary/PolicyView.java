package io.lotabots.consent.boundary;

import io.lotabots.consent.entity.ConsentPolicy;
import java.time.Instant;

/** One version of a purpose's policy text; {@code url} is the tenant's own page or a LotaBots URN. */
public record PolicyView(String purpose, int version, String text, String url, Instant publishedAt) {

    static PolicyView of(String purposeCode, ConsentPolicy p) {
        return new PolicyView(purposeCode, p.version(), p.text(), p.url(), p.publishedAt());
    }
}
