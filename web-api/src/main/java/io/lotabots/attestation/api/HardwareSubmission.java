package io.lotabots.attestation.api;

import io.lotabots.attestation.hardware.control.HardwareEvidence;

/** A well-formed submission: the evidence and the policy it names ({@code null}: the tenant's default). */
record HardwareSubmission(HardwareEvidence evidence, String policy) {}
