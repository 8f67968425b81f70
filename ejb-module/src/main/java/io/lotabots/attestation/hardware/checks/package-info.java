/** The hardware verifier and its checks (quote, signature, nonce, PCRs, event log, certificates, enrollment, clock), their reason codes and the report they make. */
package io.lotabots.attestation.hardware.checks;
