package io.lotabots.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Debian's haproxy in front of servers on this machine, as an operator would run it
 * (docs/operations.md, "Running a cluster"): round robin, each server checked on {@code /health/ready}
 * every 500 ms and taken out after two failures, a request whose connection fails sent to another
 * server (nothing of it reached the first). Each answer names the server that gave it in
 * {@code X-Served-By} ({@code s1}, {@code s2}, … in the order of the ports). A check may take 5 s:
 * without {@code timeout check} haproxy allows a check only its interval (500 ms), and the readiness
 * check's four dependency probes took up to 400 ms on a loaded machine before any load, so a busy server
 * would be taken out for being slow. Requests and check state changes go to {@code haproxy-<port>.log}; the
 * servers' states are read from haproxy's stats socket. A client's {@code Upgrade: h2c} (Java's
 * HttpClient sends it on every plain-HTTP request) is removed: Liberty accepts it and answers 101, after
 * which haproxy only tunnels that connection, so every later request on it goes to the same server
 * unbalanced and without {@code X-Served-By}.
 */
public final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path statsSocket;
    private final int servers;

    private LoadBalancer(Process process, int port, Path statsSocket, int servers) {
        this.process = process;
        this.port = port;
        this.statsSocket = statsSocket;
        this.servers = servers;
    }

    /**
     * Starts haproxy on a free port in front of the servers' HTTP ports; returns once its health checks
     * found every server up.
     */
    public static LoadBalancer start(Path directory, List<Integer> serverPorts) {
        directory = directory.toAbsolutePath();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String servers = IntStream.range(0, serverPorts.size())
                .mapToObj(i -> "    server s%d 127.0.0.1:%d check".formatted(i + 1, serverPorts.get(i)))
                .collect(Collectors.joining("\n"));
        String config =
                """
                global
                    maxconn 1024
                    stats socket %s mode 600 level admin
                    log stdout format raw local0
                defaults
                    mode http
                    log global
                    option httplog
                    option log-health-checks
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout check 5s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                frontend api
                    bind 127.0.0.1:%d
                    http-request del-header Upgrade if { req.hdr(Upgrade) -i h2c }
                    http-request del-header HTTP2-Settings
                    default_backend lotabots
                backend lotabots
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                    http-response set-header X-Served-By %%s
                %s
                """
                        .formatted(statsSocket(directory, port), port, servers);
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("haproxy-" + port + ".cfg");
            Files.writeString(file, config);
            var process = new ProcessBuilder("haproxy", "-db", "-f", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            directory.resolve("haproxy-" + port + ".log").toFile())
                    .start();
            var balancer = new LoadBalancer(process, port, statsSocket(directory, port), serverPorts.size());
            balancer.awaitServing();
            balancer.awaitAllUp();
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start haproxy (Debian package haproxy)", e);
        }
    }

    private static Path statsSocket(Path directory, int port) {
        return directory.resolve("haproxy-" + port + ".sock");
    }

    /** Each server's state as haproxy's checks see it ({@code s1} → {@code UP}, {@code DOWN}, …). */
    public Map<String, String> serverStates() {
        var states = new TreeMap<String, String>();
        String csv = statsCommand("show stat");
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
            throw new IllegalStateException("haproxy's stats socket answered: " + csv);
        }
        List<String> columns = List.of(lines.get(0).substring(2).split(","));
        int name = columns.indexOf("svname");
        int status = columns.indexOf("status");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length > status && fields[name].matches("s\\d+")) {
                states.put(fields[name], fields[status]);
            }
        }
        return states;
    }

    /** Waits until haproxy's checks have found every server up (a server haproxy holds down gets nothing). */
    public void awaitAllUp() {
        Eventually.await(
                Duration.ofSeconds(60),
                this::serverStates,
                states -> states.size() == servers && states.values().stream().allMatch("UP"::equals),
                "haproxy to find every server up (its log: haproxy-" + port + ".log)");
    }

    /** One command on haproxy's stats socket (haproxy's management guide, section 9.3); its whole answer. */
    private String statsCommand(String command) {
        try (var channel = SocketChannel.open(UnixDomainSocketAddress.of(statsSocket))) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            var answer = new ByteArrayOutputStream();
            var buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("haproxy's stats socket " + statsSocket, e);
        }
    }

    /** An absolute URL through the load balancer. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void awaitServing() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var ready = HttpRequest.newBuilder(URI.create(url("/health/ready")))
                .timeout(Duration.ofSeconds(10))
                .build();
        Eventually.await(
                Duration.ofSeconds(30),
                () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("haproxy exited with " + process.exitValue());
                    }
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
                "haproxy on port " + port + " to serve");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
