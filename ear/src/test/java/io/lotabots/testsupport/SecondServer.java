package io.lotabots.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A second Liberty server JVM beside the test server: a copy of its server directory (the same
 * application, configuration, PostgreSQL database and Redis namespace) on ports of its own, reading
 * the test server's key files where they are ({@code lotabots.keys.file}), as a cluster shares them: a
 * copy of them would lack every key made after the copy, such as a new tenant's key-encryption key,
 * and refuse that tenant's uploads; started with Liberty's {@code server} script. Its name shares nothing with the test
 * server's, so Arquillian never attaches to it.
 */
public final class SecondServer implements AutoCloseable {

    /** A loaded 2-core machine has taken more than 4 minutes to start the copy. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);

    /** Its own logs, caches, messaging store and transaction log: the copy starts them empty. */
    private static final List<String> NOT_COPIED =
            List.of("logs", "workarea", "apps/expanded", "dropins", "messaging", "tranlog");

    private final Path script;
    private final String name;
    private final int httpPort;
    private final int httpsPort;

    private SecondServer(Path script, String name, int httpPort, int httpsPort) {
        this.script = script;
        this.name = name;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /** Copies the running test server and starts the copy; returns once it reports ready. */
    public static SecondServer start() {
        return start(Map.of());
    }

    /**
     * Like {@link #start()}, with server.xml variables of its own besides its ports (configuration the
     * copy alone has, such as {@code lotabots.attestation.transport}).
     */
    public static SecondServer start(Map<String, String> variables) {
        String serverName = System.getProperty("liberty.server.name", "lotabots");
        Path servers = Path.of(System.getProperty("liberty.servers.dir", "target/liberty/wlp/usr/servers"));
        Path original = servers.resolve(serverName);
        int httpPort = freePort();
        int httpsPort = freePort();
        String name = "second-" + httpPort;
        Path copy = servers.resolve(name);
        // the first server writes its signing keys with its first token: the copy must find them to share them
        // (a loaded machine starts the application after the server reports itself started)
        Eventually.await(
                START_TIMEOUT,
                () -> new ApiClient().get("/.well-known/jwks.json").statusCode(),
                status -> status == 200,
                "the test server's application to start");
        ApiClient.asAdmin();
        try {
            copyTree(original, copy);
            // configDropins/overrides are read in name order, later files win: these ports, not the first server's
            Files.writeString(
                    copy.resolve("configDropins/overrides/zz-second-server.xml"),
                    """
                    <server>
                        <variable name="lotabots.http.port" value="%d"/>
                        <variable name="lotabots.https.port" value="%d"/>
                        <variable name="lotabots.keys.file" value="%s"/>
                    %s</server>
                    """
                            .formatted(
                                    httpPort,
                                    httpsPort,
                                    original.resolve("keys/signing-keys.jwe").toAbsolutePath(),
                                    variables(variables)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + original, e);
        }
        var server = new SecondServer(servers.getParent().getParent().resolve("bin/server"), name, httpPort, httpsPort);
        try {
            server.run("start");
            server.awaitReady();
        } catch (RuntimeException notStarted) {
            // no JVM left behind to slow down the tests after this one
            server.run("stop");
            throw notStarted;
        }
        return server;
    }

    /** An absolute URL of this server for {@link ApiClient}. */
    public String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    /** An absolute HTTPS URL of this server (it serves the test server's certificate, {@link TestServerTls}). */
    public String httpsUrl(String path) {
        return "https://localhost:" + httpsPort + path;
    }

    public int httpPort() {
        return httpPort;
    }

    /**
     * Ends the JVM at once with SIGKILL, as a crash or {@code kill -9} would: no shutdown hooks, no
     * messaging engine or timer clean-up. Returns once the process is gone.
     */
    public void kill() {
        Path pidFile = script.getParent().getParent().resolve("usr/servers/.pid/" + name + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            var process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
            process.destroyForcibly();
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file for " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + " did not end after SIGKILL", e);
        }
    }

    @Override
    public void close() {
        run("stop");
    }

    private void awaitReady() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var ready = HttpRequest.newBuilder(URI.create(url("/health/ready")))
                .timeout(Duration.ofSeconds(10))
                .build();
        Eventually.await(
                START_TIMEOUT,
                () -> {
                    try {
                        return http.send(ready, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (IOException e) {
                        return -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                },
                status -> status == 200,
                "second server " + name + " ready");
    }

    private void run(String action) {
        try {
            var process = new ProcessBuilder(script.toString(), action, name)
                    .redirectErrorStream(true)
                    .redirectOutput(script.getParent()
                            .getParent()
                            .resolve("usr/servers/" + name + "-" + action + ".log")
                            .toFile())
                    .start();
            if (!process.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroy();
                throw new IllegalStateException("server " + action + " " + name + " did not finish");
            }
            // 0: done; 1 on start: already running, on stop: was not running
            if (process.exitValue() > 1) {
                throw new IllegalStateException(
                        "server " + action + " " + name + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                if (NOT_COPIED.stream().anyMatch(skip -> relative.startsWith(skip))) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String variables(Map<String, String> variables) {
        var xml = new StringBuilder();
        variables.forEach(
                (name, value) -> xml.append("    <variable name=\"%s\" value=\"%s\"/>\n".formatted(name, value)));
        return xml.toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
