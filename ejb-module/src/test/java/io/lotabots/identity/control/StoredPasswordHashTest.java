package io.lotabots.identity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredPasswordHashTest {

    private static final String VALID =
            "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I";

    @Test
    void readsParametersSaltAndHashFromAPhcString() throws Exception {
        var stored = StoredPasswordHash.parse(VALID);

        assertEquals(new Argon2Parameters(1024, 1, 1), stored.parameters());
        assertArrayEquals("saltsaltsaltsalt".getBytes(StandardCharsets.US_ASCII), stored.salt());
        assertEquals(32, stored.hash().length);
    }

    @Test
    void writesBackTheSameString() throws Exception {
        assertEquals(VALID, StoredPasswordHash.parse(VALID).encoded());
    }

    @Test
    void handsOutCopiesSoTheHashCannotBeChangedFromOutside() throws Exception {
        var stored = StoredPasswordHash.parse(VALID);
        stored.hash()[0] ^= 1;
        stored.salt()[0] ^= 1;

        assertEquals(VALID, stored.encoded());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA",
                "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$",
                "$argon2id$v=19$m=1024,t=1$c2FsdHNhbHRzYWx0c2FsdA$5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I",
                "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I",
                "$argon2id$v=19$t=1,m=1024,p=1$c2FsdHNhbHRzYWx0c2FsdA$5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I",
                "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA==$5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I",
                "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I\n",
                "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
                "$argon2id$v=19$m=99999999999,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I"
            })
    void refusesStringsThatAreNotArgon2idPhc(String encoded) {
        assertThrows(MalformedPasswordHashException.class, () -> StoredPasswordHash.parse(encoded));
    }

    @Test
    void refusesArgon2VersionOneZero() {
        var older = VALID.replace("v=19", "v=16");

        var refusal = assertThrows(MalformedPasswordHashException.class, () -> StoredPasswordHash.parse(older));
        assertTrue(refusal.getMessage().contains("version 16"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"m=1048577,t=1,p=1", "m=1024,t=21,p=1", "m=1024,t=1,p=17", "m=1024,t=0,p=1", "m=4,t=1,p=1"})
    void refusesParameterBombsAndImpossibleParameters(String parameters) {
        var bomb = VALID.replace("m=1024,t=1,p=1", parameters);

        assertThrows(MalformedPasswordHashException.class, () -> StoredPasswordHash.parse(bomb));
    }

    @Test
    void refusesASaltShorterThanEightBytes() {
        var shortSalt = VALID.replace("c2FsdHNhbHRzYWx0c2FsdA", "c2FsdA");

        var refusal = assertThrows(MalformedPasswordHashException.class, () -> StoredPasswordHash.parse(shortSalt));
        assertTrue(refusal.getMessage().contains("salt"));
    }

    @Test
    void refusesAHashLongerThanSixtyFourBytes() {
        var longHash = VALID.substring(0, VALID.lastIndexOf('$') + 1) + "A".repeat(88);

        var refusal = assertThrows(MalformedPasswordHashException.class, () -> StoredPasswordHash.parse(longHash));
        assertTrue(refusal.getMessage().contains("hash"));
    }

    @Test
    void refusesBase64ThatCannotEndWhereItEnds() {
        var impossibleLength = VALID.replace("c2FsdHNhbHRzYWx0c2FsdA", "c2FsdHNhbHRzYWx0c2FsdAAAA");

        assertThrows(MalformedPasswordHashException.class, () -> StoredPasswordHash.parse(impossibleLength));
    }
}
