package io.lotabots.platform.logging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Outside Liberty there is no LogRecordContext: the fields are only kept for tasks handed on, and nothing fails. */
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

    @Test
    void aTaskHandedToAnotherThreadTakesTheFieldsAlongAndLeavesNoneBehind() throws Exception {
        LogContext.put(RequestIds.FIELD, "req-12345678");
        LogContext.put(RequestIds.TENANT_FIELD, "tenant-1");
        var seen = new AtomicReference<Map<String, String>>();
        var task = LogContext.carried(() -> seen.set(LogContext.current()));
        LogContext.remove(RequestIds.FIELD);
        LogContext.remove(RequestIds.TENANT_FIELD);

        var pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(task).get();
            var afterwards = pool.submit(LogContext::current).get();

            assertEquals(Map.of(RequestIds.FIELD, "req-12345678", RequestIds.TENANT_FIELD, "tenant-1"), seen.get());
            assertEquals(Map.of(), afterwards, "the pool's thread keeps nothing");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void withoutFieldsTheTaskIsHandedOnAsItIs() {
        Runnable task = () -> {};
        assertSame(task, LogContext.carried(task));
    }
}
