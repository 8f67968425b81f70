package io.lotabots.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2ParametersTest {

    private final Argon2Parameters owasp = Argon2Parameters.owaspDefault();

    @Test
    void owaspDefaultIs19MiBTwoIterationsOneLane() {
        assertEquals(new Argon2Parameters(19456, 2, 1), owasp);
    }

    @Test
    void lowerMemoryIterationsOrParallelismIsEachWeaker() {
        assertTrue(new Argon2Parameters(19455, 2, 1).weakerThan(owasp));
        assertTrue(new Argon2Parameters(19456, 1, 1).weakerThan(owasp));
        assertTrue(new Argon2Parameters(19456, 2, 1).weakerThan(new Argon2Parameters(19456, 2, 2)));
    }

    @Test
    void oneLowerParameterIsWeakerEvenWhenAnotherIsHigher() {
        assertTrue(new Argon2Parameters(65536, 1, 1).weakerThan(owasp));
    }

    @Test
    void equalOrStrongerParametersAreNotWeaker() {
        assertFalse(owasp.weakerThan(owasp));
        assertFalse(new Argon2Parameters(65536, 3, 2).weakerThan(owasp));
    }

    @ParameterizedTest(name = "m={0}, t={1}, p={2}")
    @CsvSource({
        "19456, 0, 1",
        "19456, 21, 1",
        "19456, 2, 0",
        "19456, 2, 17",
        "7, 2, 1",
        "31, 2, 4",
        "1048577, 2, 1",
        "-1, 2, 1"
    })
    void refusesParametersOutsideTheSafeBounds(int memoryKiB, int iterations, int parallelism) {
        assertThrows(IllegalArgumentException.class, () -> new Argon2Parameters(memoryKiB, iterations, parallelism));
    }

    @Test
    void acceptsTheBoundsThemselves() {
        new Argon2Parameters(8, 1, 1);
        new Argon2Parameters(Argon2Parameters.MAX_MEMORY_KIB, Argon2Parameters.MAX_ITERATIONS, 16);
    }
}
