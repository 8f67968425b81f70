package io.lotabots.devservices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/** Makes sure a PostgreSQL server can run the application: reachable as the superuser, database present. */
final class PostgresDatabase {

    static final String SUPERUSER = "postgres";

    private final int port;
    private final String server;

    /** @param server how messages name the server, e.g. {@code machine PostgreSQL at 127.0.0.1:5432} */
    PostgresDatabase(int port, String server) {
        this.port = port;
        this.server = server;
    }

    /**
     * Creates the database if absent or, when {@code fresh}, anew. The name is
     * quoted into DDL as is, so it must already be a plain identifier ({@link LaunchOptions} checks that).
     */
    void prepare(String database, boolean fresh) throws SQLException {
        try (Connection admin = connect("postgres")) {
            boolean exists = exists(admin, database);
            if (exists && fresh) {
                terminateSessions(admin, database);
                // FORCE (PostgreSQL 13+) also ends sessions that are still exiting or that reconnected meanwhile
                String force = admin.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : "";
                execute(admin, "DROP DATABASE \"" + database + "\"" + force);
                exists = false;
            }
            if (!exists) {
                execute(admin, "CREATE DATABASE \"" + database + "\"");
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {LocalPorts.LOOPBACK});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(database);
        source.setUser(SUPERUSER);
        source.setConnectTimeout(10);
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw new SQLException(
                    "cannot connect to " + server + " as user postgres without a password ("
                            + e.getMessage() + "); allow trust authentication for 127.0.0.1 or set LOTABOTS_DB_URL,"
                            + " LOTABOTS_DB_USER and LOTABOTS_DB_PASSWORD",
                    e);
        }
    }

    private static void terminateSessions(Connection admin, String database) throws SQLException {
        try (PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(pid)"
                + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, database);
            terminate.execute();
        }
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection admin, String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
