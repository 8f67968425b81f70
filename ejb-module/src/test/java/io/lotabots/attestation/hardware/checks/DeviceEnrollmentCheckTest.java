package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import java.security.interfaces.ECPublicKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceEnrollmentCheckTest {

    private final DeviceEnrollmentCheck check = new DeviceEnrollmentCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    private Inputs withDevice(boolean active, byte[] akPublicArea) {
        var inputs = Inputs.permissive();
        inputs.device = new EnrolledDevice(
                UUID.randomUUID(), active, TpmPublic.parse(akPublicArea).name(), akPublicArea, null);
        return inputs;
    }

    private static byte[] foreignAk() {
        return PublicAreas.tpm2b(PublicAreas.eccAk(
                (ECPublicKey) PublicAreas.newEcKeyPair("secp256r1").getPublic()));
    }

    @Test
    void noDeviceIsSkippedUnlessThePolicyRequiresOne() {
        assertSkipped(run(check, quote, Inputs.permissive()));

        var strict = Inputs.permissive();
        strict.enrolledDeviceRequired = true;
        assertFailed(run(check, quote, strict), ReasonCode.DEVICE_NOT_ENROLLED, "requires an enrolled device");
    }

    @Test
    void aNamedDeviceThatIsNotEnrolledFails() {
        var inputs = Inputs.permissive();
        inputs.deviceNamed = true;

        assertFailed(run(check, quote, inputs), ReasonCode.DEVICE_NOT_ENROLLED, "not enrolled");
    }

    @Test
    void aDeviceIdInTheEvidenceCountsAsNamed() {
        quote.deviceId = UUID.randomUUID().toString();

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.DEVICE_NOT_ENROLLED, "not enrolled");
    }

    @Test
    void aDeviceThatWasNotActivatedFails() {
        assertFailed(
                run(check, quote, withDevice(false, quote.akPublicArea)), ReasonCode.DEVICE_NOT_ENROLLED, "activation");
    }

    @Test
    void aQuoteByTheDevicesAkPasses() {
        assertPassed(run(check, quote, withDevice(true, quote.akPublicArea)));
    }

    @Test
    void aPemKeyIsComparedWithTheEnrolledPublicArea() {
        var inputs = withDevice(true, quote.akPublicArea);
        quote.akPublicArea = null;

        assertPassed(run(check, quote, inputs));
    }

    @Test
    void aQuoteByAnotherAkFails() {
        assertFailed(
                run(check, quote, withDevice(true, foreignAk())),
                ReasonCode.DEVICE_NOT_ENROLLED,
                "not the AK enrolled");

        var inputs = withDevice(true, foreignAk());
        quote.akPublicArea = null;
        assertFailed(run(check, quote, inputs), ReasonCode.DEVICE_NOT_ENROLLED, "not the AK enrolled");
    }
}
