package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.hardware.policy.HardwarePolicy;
import java.time.Instant;

/**
 * What the verifier knows besides the evidence: the policy version in force, the nonce store's
 * answer for the submitted nonce, the enrolled device the evidence names ({@code null} if it named
 * none or an unknown one), and the verification time (for certificate validity).
 */
public record VerificationInputs(
        HardwarePolicy policy, NonceConsumption nonceStatus, EnrolledDevice device, boolean deviceNamed, Instant now) {}
