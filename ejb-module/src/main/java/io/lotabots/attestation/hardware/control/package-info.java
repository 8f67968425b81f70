/** TPM 2.0 evidence: strict parsers for the TPM and TCG structures, the checks, and the verifier that runs them. */
package io.lotabots.attestation.hardware.control;
