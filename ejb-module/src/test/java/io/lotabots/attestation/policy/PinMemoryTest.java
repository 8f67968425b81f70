package io.lotabots.attestation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PinMemoryTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PinMemory memory = new PinMemory(Duration.ofSeconds(1), now::get);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aPinIsReadOnceWithinTheTtl() {
        var pin = memory.current(TENANT, "default", reading(new PolicyVersion("default", 3)));
        now.addAndGet(Duration.ofMillis(999).toNanos());
        var again = memory.current(TENANT, "default", reading(new PolicyVersion("default", 4)));

        assertEquals(Optional.of(new PolicyVersion("default", 3)), pin);
        assertEquals(pin, again);
        assertEquals(1, reads.get());
    }

    @Test
    void aPinIsReadAgainOnceTheTtlHasPassed() {
        memory.current(TENANT, "default", reading(new PolicyVersion("default", 3)));
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        var later = memory.current(TENANT, "default", reading(new PolicyVersion("default", 4)));

        assertEquals(Optional.of(new PolicyVersion("default", 4)), later);
        assertEquals(2, reads.get());
    }

    @Test
    void aForgottenNameIsReadAgainAtOnce() {
        memory.current(TENANT, "strict", reading(new PolicyVersion("strict", 1)));
        memory.forget(TENANT, "strict");

        var next = memory.current(TENANT, "strict", reading(new PolicyVersion("strict", 2)));

        assertEquals(Optional.of(new PolicyVersion("strict", 2)), next);
    }

    @Test
    void tenantsAndNamesAreKeptApart() {
        memory.current(TENANT, "strict", reading(new PolicyVersion("strict", 1)));

        var otherTenant = memory.current(OTHER_TENANT, "strict", reading(new PolicyVersion("strict", 7)));
        var otherName = memory.current(TENANT, "lenient", reading(new PolicyVersion("lenient", 2)));

        assertEquals(Optional.of(new PolicyVersion("strict", 7)), otherTenant);
        assertEquals(Optional.of(new PolicyVersion("lenient", 2)), otherName);
        assertEquals(3, reads.get());
    }

    @Test
    void anUnknownNameIsNotRemembered() {
        assertTrue(
                memory.current(TENANT, "missing", () -> count(Optional.empty())).isEmpty());

        var created = memory.current(TENANT, "missing", reading(new PolicyVersion("missing", 1)));

        assertEquals(Optional.of(new PolicyVersion("missing", 1)), created);
        assertEquals(2, reads.get());
    }

    @Test
    void aReadThatAForgetOvertookIsNotRemembered() {
        var stale = memory.current(TENANT, "strict", () -> {
            memory.forget(TENANT, "strict"); // a policy change commits while this read is under way
            return count(Optional.of(new PolicyVersion("strict", 1)));
        });

        var next = memory.current(TENANT, "strict", reading(new PolicyVersion("strict", 2)));

        assertEquals(Optional.of(new PolicyVersion("strict", 1)), stale);
        assertEquals(Optional.of(new PolicyVersion("strict", 2)), next);
    }

    @Test
    void aZeroTtlReadsEveryTime() {
        var uncached = new PinMemory(Duration.ZERO, now::get);
        uncached.current(TENANT, "default", reading(new PolicyVersion("default", 1)));
        uncached.current(TENANT, "default", reading(new PolicyVersion("default", 1)));

        assertEquals(2, reads.get());
        assertEquals(0, uncached.size());
    }

    @Test
    void theMemoryIsBounded() {
        for (int i = 0; i <= PinMemory.MAX_ENTRIES; i++) {
            memory.current(UUID.randomUUID(), "default", reading(new PolicyVersion("default", 1)));
        }

        assertTrue(memory.size() <= PinMemory.MAX_ENTRIES);
    }

    private Supplier<Optional<PolicyVersion>> reading(PolicyVersion version) {
        return () -> count(Optional.of(version));
    }

    private Optional<PolicyVersion> count(Optional<PolicyVersion> result) {
        reads.incrementAndGet();
        return result;
    }
}
