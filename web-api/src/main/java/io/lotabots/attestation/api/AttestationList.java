package io.lotabots.attestation.api;

import io.lotabots.attestation.boundary.AttestationView;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** A page of attestations and the link to the next one ({@code null} on the last). */
@JsonbNillable
public record AttestationList(List<AttestationView> items, String next) {}
