package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.evidence.HardwareEvidence;

/** A well-formed submission: the evidence and the policy it names ({@code null}: the tenant's default). */
record HardwareSubmission(HardwareEvidence evidence, String policy) {}
