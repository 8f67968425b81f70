/** TPM 2.0 and TCG structures read strictly from bytes (attestation, public areas, signatures, PCR files, event logs), with the key, signature and X.509 primitives over them. */
package io.lotabots.attestation.hardware.tpm;
