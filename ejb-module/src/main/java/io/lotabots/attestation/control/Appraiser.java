package io.lotabots.attestation.control;

import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationType;
import java.time.Instant;

/**
 * The one thing each type of attestation brings to the shared job: reading its evidence document and
 * appraising it. Called inside the transaction that records the verdict, so what it locks or writes
 * (a device's clock) commits with the verdict. It may throw when the evidence cannot be appraised at
 * all; the job then retries a bounded number of times and fails.
 */
public interface Appraiser {

    AttestationType type();

    Appraisal appraise(Attestation job, byte[] evidenceDocument, Instant now);
}
