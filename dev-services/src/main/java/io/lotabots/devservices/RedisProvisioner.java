package io.lotabots.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import redis.embedded.RedisServer;

/** Finds or starts the Redis server the application uses. */
final class RedisProvisioner {

    static final String NAME = "Redis";
    static final int MACHINE_PORT = 6379;
    static final int EMBEDDED_PORT = 16379;

    ProvisionedService provision(LaunchOptions options, Map<String, String> env, RunningServices running)
            throws IOException {
        if (ProvisionedService.isConfigured(LibertyVariable.REDIS_URL, env)) {
            return ProvisionedService.external(
                    NAME, LibertyVariable.REDIS_URL, List.of(LibertyVariable.REDIS_URL), env);
        }
        if (LocalPorts.accepts(MACHINE_PORT)) {
            String url = url(MACHINE_PORT);
            return new ProvisionedService(
                    NAME, Origin.MACHINE, Map.of(LibertyVariable.REDIS_URL, url), "machine at " + url);
        }
        Path dataDir = options.dataDir().resolve("redis");
        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("redis.pid");
        LeftoverProcess.stopIfRunning(NAME, pidFile, "redis-server");
        int port = LocalPorts.preferredOrFree(EMBEDDED_PORT);
        RedisServer redis = RedisServer.newRedisServer()
                .bind(LocalPorts.LOOPBACK)
                .port(port)
                .setting("dir " + quoted(dataDir))
                .setting("appendonly yes")
                .setting("pidfile " + quoted(pidFile))
                // Reading its output is what keeps the pipe from filling up and stalling Redis; the readers
                // are daemon threads, so they do not hold exec:java.
                .soutListener(line -> {})
                .serrListener(line -> System.err.println("[dev-services] redis: " + line))
                .build();
        redis.start();
        running.add(NAME, redis::stop);
        String url = url(port);
        return new ProvisionedService(
                NAME,
                Origin.EMBEDDED,
                Map.of(LibertyVariable.REDIS_URL, url),
                "embedded at " + url + " (data in " + dataDir + ")");
    }

    private static String url(int port) {
        return "redis://" + LocalPorts.LOOPBACK + ":" + port;
    }

    /** Redis configuration syntax for a path that may contain spaces. */
    private static String quoted(Path path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
