package io.lotabots.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Finds or starts the PostgreSQL server the application uses. */
final class PostgresProvisioner {

    static final String NAME = "PostgreSQL";
    static final int MACHINE_PORT = 5432;
    static final int EMBEDDED_PORT = 15432;

    private static final List<LibertyVariable> VARIABLES =
            List.of(LibertyVariable.DB_URL, LibertyVariable.DB_USER, LibertyVariable.DB_PASSWORD);

    ProvisionedService provision(LaunchOptions options, Map<String, String> env, RunningServices running)
            throws IOException, SQLException {
        if (ProvisionedService.isConfigured(LibertyVariable.DB_URL, env)) {
            return ProvisionedService.external(NAME, LibertyVariable.DB_URL, VARIABLES, env);
        }
        if (LocalPorts.accepts(MACHINE_PORT)) {
            new PostgresDatabase(MACHINE_PORT, "machine PostgreSQL at 127.0.0.1:" + MACHINE_PORT)
                    .prepare(options.database(), options.freshDatabase());
            String url = jdbcUrl(MACHINE_PORT, options.database());
            return new ProvisionedService(NAME, Origin.MACHINE, variables(url), "machine at " + url);
        }
        Path dataDir = options.dataDir().resolve("postgres");
        int port = startEmbedded(dataDir, options.dataDir().resolve("postgres.log"), running);
        new PostgresDatabase(port, "embedded PostgreSQL at 127.0.0.1:" + port)
                .prepare(options.database(), options.freshDatabase());
        String url = jdbcUrl(port, options.database());
        return new ProvisionedService(
                NAME, Origin.EMBEDDED, variables(url), "embedded at " + url + " (data in " + dataDir + ")");
    }

    private static int startEmbedded(Path dataDir, Path log, RunningServices running) throws IOException {
        Files.createDirectories(dataDir.getParent());
        LeftoverProcess.stopIfRunning(NAME, dataDir.resolve("postmaster.pid"), "postgres");
        int port = LocalPorts.preferredOrFree(EMBEDDED_PORT);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // A file, not zonky's default pipe: the pipe's reader is a non-daemon thread that would keep
                    // exec:java waiting for ever, and the server would lose its log once Maven exits.
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IllegalStateException | IOException e) {
            throw new IllegalStateException(
                    "embedded PostgreSQL did not start (" + e.getMessage() + "); is another dev-services run using "
                            + dataDir + "? See " + log,
                    e);
        }
        running.add(NAME, postgres::close);
        return port;
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + LocalPorts.LOOPBACK + ":" + port + "/" + database;
    }

    private static Map<LibertyVariable, String> variables(String url) {
        return Map.of(
                LibertyVariable.DB_URL,
                url,
                LibertyVariable.DB_USER,
                PostgresDatabase.SUPERUSER,
                LibertyVariable.DB_PASSWORD,
                "");
    }
}
