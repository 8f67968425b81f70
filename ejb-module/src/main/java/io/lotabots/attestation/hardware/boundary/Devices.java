package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.hardware.control.ClockState;
import io.lotabots.attestation.hardware.control.EnrolledDevice;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.UUID;

/** Enrolled devices (Keylime-style AK↔EK binding) and the clock each one last showed. */
@Stateless
public class Devices {

    /**
     * The tenant's device, locked ({@code SELECT … FOR UPDATE}) until the caller's transaction ends so
     * that two quotes of one device are checked against each other's clock one after the other; empty
     * when the tenant has no such device.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<EnrolledDevice> lockForVerification(UUID tenantId, UUID deviceId) {
        throw new UnsupportedOperationException("to be built (issue 4)");
    }

    /** Remembers the clock of a quote whose signature verified (called in the same transaction). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordClock(UUID tenantId, UUID deviceId, ClockState clock) {
        throw new UnsupportedOperationException("to be built (issue 4)");
    }
}
