package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppraisersTest {

    private record Named(AttestationType type) implements Appraiser {
        @Override
        public Appraisal appraise(Attestation job, byte[] evidenceDocument, Instant now) {
            throw new UnsupportedOperationException("not called");
        }
    }

    private static Appraisers of(Appraiser... appraisers) {
        var registry = new Appraisers();
        registry.byType = Appraisers.index(List.of(appraisers));
        return registry;
    }

    @Test
    void findsEachTypesAppraiser() {
        var hardware = new Named(AttestationType.HARDWARE);

        var appraisers = of(hardware);

        assertSame(hardware, appraisers.of(AttestationType.HARDWARE));
        assertEquals(java.util.Set.of(AttestationType.HARDWARE), appraisers.types());
    }

    @Test
    void aTypeWithoutAnAppraiserFailsTheAttemptNamingTheType() {
        var appraisers = of();

        var refused = assertThrows(IllegalStateException.class, () -> appraisers.of(AttestationType.HARDWARE));
        assertTrue(refused.getMessage().contains("HARDWARE"), refused.getMessage());
        assertTrue(appraisers.types().isEmpty());
    }

    @Test
    void twoAppraisersForOneTypeAreADeploymentError() {
        var refused = assertThrows(
                IllegalStateException.class,
                () -> Appraisers.index(
                        List.of(new Named(AttestationType.HARDWARE), new Named(AttestationType.HARDWARE))));
        assertTrue(refused.getMessage().contains("HARDWARE"), refused.getMessage());
    }
}
