package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    @Test
    void rejectsAServerWithoutPreparedTransactionsNamingTheFix() {
        IllegalStateException rejected = assertThrows(
                IllegalStateException.class,
                () -> PostgresDatabase.requireTwoPhaseCommit(0, "machine PostgreSQL at 127.0.0.1:5432"));

        String message = rejected.getMessage();
        assertTrue(
                message.startsWith("machine PostgreSQL at 127.0.0.1:5432 has max_prepared_transactions = 0"), message);
        assertTrue(message.contains("ALTER SYSTEM SET max_prepared_transactions = 64"), message);
        assertTrue(message.contains("restart PostgreSQL"), message);
    }

    @Test
    void acceptsAServerThatAllowsPreparedTransactions() {
        assertDoesNotThrow(() -> PostgresDatabase.requireTwoPhaseCommit(64, "embedded PostgreSQL"));
    }
}
