/** Hardware attestation's persistent state: enrolled devices and the versions of hardware policies. */
package io.lotabots.attestation.hardware.entity;
