package io.lotabots.platform.logging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Outside Liberty there is no LogRecordContext: the fields are dropped, and nothing fails. */
class LogContextTest {

    @Test
    void outsideLibertyTheFieldsAreDroppedQuietly() {
        assertFalse(LogContext.active());
        assertDoesNotThrow(() -> {
            LogContext.put(RequestIds.FIELD, "abc12345");
            LogContext.put(RequestIds.TENANT_FIELD, null);
            LogContext.remove(RequestIds.FIELD);
        });
    }
}
