package io.lotabots.platform.api.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StorableInstantsTest {

    @Test
    void acceptsFourDigitYears() {
        assertEquals(Instant.parse("2026-01-31T09:00:00Z"), StorableInstants.parse(" 2026-01-31T09:00:00Z "));
        assertEquals(StorableInstants.MIN, StorableInstants.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void refusesWhatPostgresqlCannotStore() {
        assertThrows(IllegalArgumentException.class, () -> StorableInstants.parse("+999999999-12-31T23:59:59Z"));
        assertThrows(IllegalArgumentException.class, () -> StorableInstants.parse("-999999999-01-01T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> StorableInstants.parse("+10000-01-01T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> StorableInstants.parse("yesterday"));
    }
}
