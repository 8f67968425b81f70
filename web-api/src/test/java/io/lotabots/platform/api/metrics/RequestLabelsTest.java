package io.lotabots.platform.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestLabelsTest {

    @Test
    void knownMethodsKeepTheirNameInUpperCase() {
        assertEquals("GET", RequestLabels.method("GET"));
        assertEquals("PATCH", RequestLabels.method("patch"));
        assertEquals("OPTIONS", RequestLabels.method("OPTIONS"));
    }

    @Test
    void inventedMethodsShareOneLabel() {
        assertEquals("OTHER", RequestLabels.method("PROPFIND"));
        assertEquals("OTHER", RequestLabels.method("X-" + System.nanoTime()));
        assertEquals("OTHER", RequestLabels.method(null));
    }

    @Test
    void statusesAreThreeDigitCodes() {
        assertEquals("200", RequestLabels.status(200));
        assertEquals("503", RequestLabels.status(503));
        assertEquals("other", RequestLabels.status(0));
        assertEquals("other", RequestLabels.status(600));
        assertEquals("other", RequestLabels.status(-1));
    }
}
