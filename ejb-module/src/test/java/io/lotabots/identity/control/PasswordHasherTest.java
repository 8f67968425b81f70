package io.lotabots.identity.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    // made with the reference implementation: echo -n "$password" | argon2 "$salt" -id -t 1 -k 1024 -p 1 -l 32 -e
    private static final String REFERENCE =
            "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I";
    private static final String REFERENCE_PASSWORD = "correct horse battery staple";

    private final Argon2Parameters cheap = new Argon2Parameters(1024, 1, 1);
    private final PasswordHasher hasher = new PasswordHasher(cheap);

    @Test
    void storesTheTargetParametersASixteenByteSaltAndAThirtyTwoByteHash() throws Exception {
        var encoded = hasher.hash("a long enough passphrase".toCharArray());

        assertTrue(encoded.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), encoded);
        var stored = StoredPasswordHash.parse(encoded);
        assertEquals(16, stored.salt().length);
        assertEquals(32, stored.hash().length);
    }

    @Test
    void verifiesThePasswordItHashed() {
        var encoded = hasher.hash("a long enough passphrase".toCharArray());

        assertTrue(hasher.verify("a long enough passphrase".toCharArray(), encoded));
    }

    @Test
    void rejectsAWrongPassword() {
        var encoded = hasher.hash("a long enough passphrase".toCharArray());

        assertFalse(hasher.verify("a long enough passphrasE".toCharArray(), encoded));
        assertFalse(hasher.verify(new char[0], encoded));
    }

    @Test
    void hashingTheSamePasswordTwiceGivesDifferentSalts() {
        var password = "a long enough passphrase".toCharArray();

        assertNotEquals(hasher.hash(password), hasher.hash(password));
    }

    @Test
    void verifiesHashesMadeByTheArgon2ReferenceImplementation() {
        assertTrue(hasher.verify(REFERENCE_PASSWORD.toCharArray(), REFERENCE));
    }

    @Test
    void hashesUnicodePasswordsAsUtf8LikeTheReferenceImplementation() {
        var reference =
                "$argon2id$v=19$m=1024,t=1,p=2$dW5pY29kZS1zYWx0LTEyMw$" + "5eIzsSbIOqT6nHcq4LkBC/WScBS0YwGxC0Fsh3Qk46k";

        assertTrue(hasher.verify("pässwörd🔑".toCharArray(), reference));
        assertFalse(hasher.verify("passwörd🔑".toCharArray(), reference));
    }

    @Test
    void owaspDefaultHashesAndVerifiesLikeTheReferenceImplementation() {
        var owaspHasher = new PasswordHasher(Argon2Parameters.owaspDefault());
        var reference = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                + "K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE";

        assertTrue(owaspHasher.verify("password".toCharArray(), reference));
        assertFalse(owaspHasher.needsRehash(reference));
    }

    @Test
    void rejectsAStoredHashWithOneCharacterChanged() {
        var tampered = REFERENCE.replace("$5Tx9", "$5Tx8");

        assertFalse(hasher.verify(REFERENCE_PASSWORD.toCharArray(), tampered));
    }

    @Test
    void rejectsAStoredHashWhoseParametersWereChanged() {
        var tampered = REFERENCE.replace("t=1", "t=2");

        assertFalse(hasher.verify(REFERENCE_PASSWORD.toCharArray(), tampered));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$5Tx9YkNNWfq1gl0Hux",
                "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA",
                "$argon2id$v=19$m=1024,t=1,p=1",
                "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$5Tx9YkNNWfq1gl0Huxrt8T0TE4IsPYoxCIG6y6JJZ6I",
                "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
                "correct horse battery staple"
            })
    void rejectsTruncatedOrForeignStoredHashesWithoutThrowing(String encoded) {
        assertFalse(hasher.verify(REFERENCE_PASSWORD.toCharArray(), encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"m=4194304,t=1,p=1", "m=1024,t=1000000,p=1", "m=1024,t=1,p=255", "m=999999999,t=1,p=1"})
    void rejectsParameterBombsWithoutComputingThem(String parameters) {
        var bomb = REFERENCE.replace("m=1024,t=1,p=1", parameters);

        assertFalse(hasher.verify(REFERENCE_PASSWORD.toCharArray(), bomb));
    }

    @Test
    void aMissingStoredHashIsAProgrammingErrorNotAFailedLogin() {
        assertThrows(NullPointerException.class, () -> hasher.verify(REFERENCE_PASSWORD.toCharArray(), null));
    }

    @Test
    void asksForARehashWhenTheTargetRises() {
        var encoded = hasher.hash("a long enough passphrase".toCharArray());

        assertFalse(hasher.needsRehash(encoded));
        assertTrue(new PasswordHasher(new Argon2Parameters(2048, 1, 1)).needsRehash(encoded));
        assertTrue(new PasswordHasher(new Argon2Parameters(1024, 2, 1)).needsRehash(encoded));
        assertTrue(new PasswordHasher(new Argon2Parameters(1024, 1, 2)).needsRehash(encoded));
    }

    @Test
    void doesNotAskForARehashWhenTheStoredHashIsStrongerThanTheTarget() {
        var strong = new PasswordHasher(new Argon2Parameters(2048, 2, 1)).hash("passphrase".toCharArray());

        assertFalse(hasher.needsRehash(strong));
    }

    @Test
    void asksForARehashOfForeignOrMalformedHashes() {
        assertTrue(hasher.needsRehash("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"));
        assertTrue(hasher.needsRehash(REFERENCE.replace("v=19", "v=16")));
        assertTrue(hasher.needsRehash(""));
    }

    @Test
    void burnsWorkForAnyPasswordWithoutThrowing() {
        assertDoesNotThrow(() -> hasher.burnEquivalentWork("pässwörd🔑".toCharArray()));
        assertDoesNotThrow(() -> hasher.burnEquivalentWork(new char[0]));
    }

    @Test
    void runsAtMostTheAllowedNumberOfHashesAtOnceAndTheRestInTurn() throws Exception {
        var turns = new CountingTurns(2);
        var limited = new PasswordHasher(cheap, turns);
        var callers = Executors.newFixedThreadPool(6);
        try {
            Callable<Boolean> login = () -> limited.verify(
                    "a long enough passphrase".toCharArray(), limited.hash("a long enough passphrase".toCharArray()));
            var answers = callers.invokeAll(Collections.nCopies(24, login));
            for (var answer : answers) {
                assertTrue(answer.get(), "every caller gets its answer");
            }
        } finally {
            callers.shutdownNow();
        }

        assertTrue(turns.mostAtOnce() <= 2, "at most 2 at once, saw " + turns.mostAtOnce());
        assertEquals(48, turns.taken(), "one turn per hash");
    }

    @Test
    void unknownUserWorkAlsoWaitsItsTurn() {
        var turns = new CountingTurns(1);

        new PasswordHasher(cheap, turns).burnEquivalentWork("pässwörd".toCharArray());

        assertEquals(1, turns.taken());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesToAllowNoHashAtAll(int maxConcurrent) {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(cheap, maxConcurrent));
    }

    /** A fair semaphore that remembers how many turns were taken and the most held at once. */
    private static final class CountingTurns extends Semaphore {

        private final AtomicInteger held = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger taken = new AtomicInteger();

        CountingTurns(int permits) {
            super(permits, true);
        }

        @Override
        public void acquireUninterruptibly() {
            super.acquireUninterruptibly();
            taken.incrementAndGet();
            most.accumulateAndGet(held.incrementAndGet(), Math::max);
        }

        @Override
        public void release() {
            held.decrementAndGet();
            super.release();
        }

        int mostAtOnce() {
            return most.get();
        }

        int taken() {
            return taken.get();
        }
    }
}
