package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class OwnClassesTest {

    @Test
    void loadsEveryClassOfTheModuleFromItsOutputDirectory() {
        assertDoesNotThrow(OwnClasses::load);
    }
}
