package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.boundary.HardwareRefusal;
import java.util.UUID;

/** Device ids in paths: something that is not a UUID names no device, so it is a 404 like any unknown id. */
final class DeviceIds {

    private DeviceIds() {}

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HardwareRefusal.notFound("No device " + id + ".");
        }
    }
}
