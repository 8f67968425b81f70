package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.hardware.policy.HardwarePolicy;
import io.lotabots.attestation.hardware.tpm.TestAuthority;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Verification inputs for tests: a permissive sha256:0-7 policy and a valid nonce, each part replaceable. */
final class Inputs {

    String pcrSelection = "sha256:0,1,2,3,4,5,6,7";
    Map<String, Set<String>> referenceValues = Map.of();
    boolean eventLogRequired;
    List<X509Certificate> trustedAkCas = List.of();
    List<X509Certificate> trustedEkCas = List.of();
    boolean enrolledDeviceRequired;
    NonceConsumption nonceStatus = NonceConsumption.VALID;
    EnrolledDevice device;
    boolean deviceNamed;
    Instant now = TestAuthority.NOW;

    static Inputs permissive() {
        return new Inputs();
    }

    HardwarePolicy policy() {
        return new HardwarePolicy(
                "default",
                1,
                pcrSelection,
                referenceValues,
                eventLogRequired,
                trustedAkCas,
                trustedEkCas,
                enrolledDeviceRequired);
    }

    VerificationInputs build() {
        return new VerificationInputs(policy(), nonceStatus, device, deviceNamed || device != null, now);
    }
}
