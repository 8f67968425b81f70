package io.lotabots.attestation.hardware.checks;

import io.lotabots.platform.json.Json;

/**
 * A named device is enrolled and active, and the quote's AK is the AK enrolled for it (same TPM name,
 * or the same public key when no public area was sent). A policy may require every quote to name one.
 */
public final class DeviceEnrollmentCheck implements EvidenceCheck {

    public static final String NAME = "deviceEnrollment";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var inputs = evidence.inputs();
        var device = inputs.device();
        var named = inputs.deviceNamed() || evidence.submitted().deviceId() != null;
        var json = Json.createObjectBuilder().add("named", named);
        if (evidence.submitted().deviceId() != null) {
            json.add("deviceId", evidence.submitted().deviceId());
        }
        if (device == null) {
            if (named) {
                return CheckResult.failed(
                        NAME, ReasonCode.DEVICE_NOT_ENROLLED, "the named device is not enrolled", json.build());
            }
            if (inputs.policy().enrolledDeviceRequired()) {
                return CheckResult.failed(
                        NAME,
                        ReasonCode.DEVICE_NOT_ENROLLED,
                        "the policy requires an enrolled device and none was named",
                        json.build());
            }
            return CheckResult.skipped(NAME, "no device was named and the policy does not require one");
        }
        json.add("device", String.valueOf(device.id())).add("active", device.active());
        if (!device.active()) {
            return CheckResult.failed(
                    NAME,
                    ReasonCode.DEVICE_NOT_ENROLLED,
                    "device " + device.id() + " has not completed activation",
                    json.build());
        }
        var sameAk = evidence.akIsDevicesAk();
        if (sameAk.isEmpty()) {
            return CheckResult.skipped(NAME, "no AK to compare with the device's (missing or did not parse)");
        }
        json.add("akMatches", sameAk.get());
        if (sameAk.get()) {
            return CheckResult.passed(
                    NAME, "the quote's AK is the AK enrolled for device " + device.id(), json.build());
        }
        return CheckResult.failed(
                NAME,
                ReasonCode.DEVICE_NOT_ENROLLED,
                "the quote's AK is not the AK enrolled for device " + device.id(),
                json.build());
    }
}
