package io.lotabots.devservices;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the build asked dev-services to do.
 *
 * @param serverDir the Liberty server directory that receives the configDropins override
 * @param dataDir where embedded services keep their data between runs
 * @param database the PostgreSQL database the application uses
 * @param freshDatabase drop and recreate that database (integration tests)
 * @param chaosProxies put switchable proxies in front of Redis and S3 (integration tests)
 * @param report where to write the properties file the integration tests read, if anywhere
 * @param localIdentity keep signing keys in the data dir and give the first administrator a generated
 *     password (the run command), unless configured
 */
record LaunchOptions(
        Path serverDir,
        Path dataDir,
        String database,
        boolean freshDatabase,
        boolean chaosProxies,
        Optional<Path> report,
        boolean localIdentity) {

    static final String USAGE = "usage: --server-dir <Liberty server dir> [--data-dir <dir>] [--database <name>]"
            + " [--fresh-database] [--chaos-proxies] [--report <file>] [--local-identity]";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Parses the exec:java arguments; relative paths resolve against {@code workingDir}. */
    static LaunchOptions parse(String[] args, Path workingDir) {
        Path serverDir = null;
        Path dataDir = workingDir.resolve(".lotabots-data");
        String database = "lotabots";
        boolean fresh = false;
        boolean chaos = false;
        Path report = null;
        boolean localIdentity = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server-dir" -> serverDir = workingDir.resolve(valueOf(args, ++i));
                case "--data-dir" -> dataDir = workingDir.resolve(valueOf(args, ++i));
                case "--database" -> database = valueOf(args, ++i);
                case "--fresh-database" -> fresh = true;
                case "--chaos-proxies" -> chaos = true;
                case "--report" -> report = workingDir.resolve(valueOf(args, ++i));
                case "--local-identity" -> localIdentity = true;
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
            }
        }
        if (serverDir == null) {
            throw new IllegalArgumentException("--server-dir is required; " + USAGE);
        }
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("--database '" + database
                    + "' is not a plain PostgreSQL name (lower-case letters, digits and _, at most 63)");
        }
        return new LaunchOptions(
                serverDir.normalize(),
                dataDir.normalize(),
                database,
                fresh,
                chaos,
                Optional.ofNullable(report).map(Path::normalize),
                localIdentity);
    }

    private static String valueOf(String[] args, int index) {
        String option = args[index - 1];
        if (index >= args.length || args[index].startsWith("--") || args[index].isBlank()) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args[index];
    }
}
