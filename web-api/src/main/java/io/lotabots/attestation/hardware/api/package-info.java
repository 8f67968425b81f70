/** REST API of hardware attestation: nonces and evidence submissions (JSON or the tpm2-tools files), device enrollment and activation, hardware policies. */
package io.lotabots.attestation.hardware.api;
