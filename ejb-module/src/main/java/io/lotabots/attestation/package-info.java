/**
 * Attestation jobs of every type: the one lifecycle (submit, queue, verify, sweep, sign) that hardware
 * attestation uses now and AI-model attestation will reuse; the type's own checks live in its
 * sub-package ({@code hardware}).
 */
package io.lotabots.attestation;
