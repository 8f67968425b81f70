package io.lotabots.attestation.hardware.entity;

/** Where a device is in its life: enrolled and waiting for its credential to be activated, active, or retired. */
public enum DeviceStatus {
    PENDING_ACTIVATION,
    ACTIVE,
    RETIRED
}
