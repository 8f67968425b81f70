/** Hardware attestation's facade: submissions, results, devices and policies. */
package io.lotabots.attestation.hardware.boundary;
