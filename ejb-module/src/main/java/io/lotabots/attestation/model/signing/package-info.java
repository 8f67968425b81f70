/**
 * OpenSSF Model Signing v1.0 verification: a {@code model.sig} Sigstore bundle (v0.3, DSSE, in-toto statement)
 * checked against the keys and CAs a tenant trusts, and its signed manifest against the stored model's files
 * (docs/architecture.md, <i>Model signatures</i>).
 */
package io.lotabots.attestation.model.signing;
