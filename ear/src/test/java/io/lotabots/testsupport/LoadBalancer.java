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
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Debian's haproxy in front of servers on this machine, as an operator would run it
 * (docs/operations.md, "Running a cluster"): round robin, each server checked on {@code /health/ready}
 * every 500 ms and taken out after two failures, a request whose connection fails sent to another
 * server (nothing of it reached the first). Each answer names the server that gave it in
 * {@code X-Served-By} ({@code s1}, {@code s2}, … in the order of the ports).
 */
public final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts haproxy on a free port in front of the servers' HTTP ports; returns once it answers. */
    public static LoadBalancer start(Path directory, List<Integer> serverPorts) {
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
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                frontend api
                    bind 127.0.0.1:%d
                    default_backend lotabots
                backend lotabots
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                    http-response set-header X-Served-By %%s
                %s
                """
                        .formatted(port, servers);
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("haproxy-" + port + ".cfg");
            Files.writeString(file, config);
            var process = new ProcessBuilder("haproxy", "-db", "-f", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            directory.resolve("haproxy-" + port + ".log").toFile())
                    .start();
            var balancer = new LoadBalancer(process, port);
            balancer.awaitServing();
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start haproxy (Debian package haproxy)", e);
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
