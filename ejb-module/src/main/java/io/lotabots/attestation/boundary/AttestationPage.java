package io.lotabots.attestation.boundary;

import java.util.List;

/** One page of attestations; {@code next} is where the following page starts, null on the last. */
public record AttestationPage(List<AttestationView> items, AttestationQuery.PageCursor next) {}
