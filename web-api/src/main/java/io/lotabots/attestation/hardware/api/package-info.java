/** REST API of hardware attestation: device enrollment and activation, hardware policies. */
package io.lotabots.attestation.hardware.api;
