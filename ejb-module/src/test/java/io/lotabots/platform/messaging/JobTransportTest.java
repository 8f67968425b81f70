package io.lotabots.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobTransportTest {

    @Test
    void theTwoTransportsAreReadWhateverTheirCase() {
        assertEquals(JobTransport.Kind.EMBEDDED, JobTransport.kind("embedded"));
        assertEquals(JobTransport.Kind.RABBITMQ, JobTransport.kind(" RabbitMQ "));
    }

    @Test
    void anyOtherTransportStopsTheStartNamingTheKey() {
        for (String wrong : new String[] {"kafka", "", "rabbit"}) {
            var refused = assertThrows(IllegalArgumentException.class, () -> JobTransport.kind(wrong));
            assertTrue(refused.getMessage().contains("lotabots.attestation.transport"), refused.getMessage());
            assertTrue(refused.getMessage().contains("'" + wrong + "'"), refused.getMessage());
        }
    }
}
