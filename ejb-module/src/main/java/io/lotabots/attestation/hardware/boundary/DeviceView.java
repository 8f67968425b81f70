package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.hardware.entity.Device;
import io.lotabots.attestation.hardware.entity.DeviceStatus;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A device as the API shows it: binary fields as hex (TPM names) or base64 (public areas), never the
 * secret's hash.
 */
public record DeviceView(
        UUID id,
        String name,
        DeviceStatus status,
        String akName,
        String akPublicArea,
        String ekPublicArea,
        boolean ekCertificatePresent,
        Instant activationExpiresAt,
        int activationAttempts,
        Instant activatedAt,
        Instant retiredAt,
        LastClock lastClock,
        Instant createdAt,
        long version) {

    /** The clock of the latest quote whose signature verified. */
    public record LastClock(long clock, long resetCount, long restartCount) {}

    static DeviceView of(Device device) {
        return new DeviceView(
                device.id(),
                device.name(),
                device.status(),
                HexFormat.of().formatHex(device.akName()),
                Base64.getEncoder().encodeToString(device.akPublicArea()),
                Base64.getEncoder().encodeToString(device.ekPublicArea()),
                device.ekCertificate() != null,
                device.activationExpiresAt(),
                device.activationAttempts(),
                device.activatedAt(),
                device.retiredAt(),
                device.lastClock() == null
                        ? null
                        : new LastClock(device.lastClock(), device.lastResetCount(), device.lastRestartCount()),
                device.createdAt(),
                device.version());
    }
}
