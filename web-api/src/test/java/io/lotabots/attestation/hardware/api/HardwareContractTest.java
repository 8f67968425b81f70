package io.lotabots.attestation.hardware.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.platform.api.openapi.ContractContribution;
import org.junit.jupiter.api.Test;

class HardwareContractTest {

    @Test
    void theContractFindsHardwaresBodiesThroughItsRegistration() {
        assertEquals(
                1,
                ContractContribution.all().stream()
                        .filter(HardwareContract.class::isInstance)
                        .count());
    }
}
