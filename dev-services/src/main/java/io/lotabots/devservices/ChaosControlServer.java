package io.lotabots.devservices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The HTTP switchboard integration tests use to take a dependency away from the server and give it back:
 * {@code POST /redis/down}, {@code POST /redis/up}, {@code POST /s3/down}, {@code POST /s3/up} (likewise
 * {@code /postgresql/…}), and
 * {@code GET /} for the state of every proxy as JSON.
 */
final class ChaosControlServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, ToggleableTcpProxy> proxies;

    private ChaosControlServer(HttpServer server, ExecutorService executor, Map<String, ToggleableTcpProxy> proxies) {
        this.server = server;
        this.executor = executor;
        this.proxies = Map.copyOf(proxies);
    }

    /** @param proxies the proxies by the name used in the path, e.g. {@code redis} */
    static ChaosControlServer start(Map<String, ToggleableTcpProxy> proxies) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalPorts.LOOPBACK), 0), 0);
        ExecutorService executor =
                Executors.newSingleThreadExecutor(work -> DaemonThreads.named("chaos-control", work));
        server.setExecutor(executor);
        ChaosControlServer control = new ChaosControlServer(server, executor, proxies);
        server.createContext("/", control::handle);
        // The JDK's dispatcher thread inherits daemon status from the thread that calls start(); a non-daemon
        // dispatcher would keep exec:java waiting for ever, so start it from a daemon thread.
        Thread starter = DaemonThreads.named("chaos-control-start", server::start);
        starter.start();
        starter.join();
        return control;
    }

    URI url() {
        return URI.create(
                "http://" + LocalPorts.LOOPBACK + ":" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path =
                exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
        String method = exchange.getRequestMethod();
        if (path.length == 1 && path[0].isEmpty()) {
            respond(exchange, method.equals("GET") ? 200 : 405, status());
            return;
        }
        ToggleableTcpProxy proxy = proxies.get(path[0]);
        if (proxy == null || path.length != 2 || !(path[1].equals("up") || path[1].equals("down"))) {
            respond(exchange, 404, "{\"error\":\"use POST /{" + String.join("|", proxies.keySet()) + "}/{up|down}\"}");
            return;
        }
        if (!method.equals("POST")) {
            respond(exchange, 405, "{\"error\":\"use POST\"}");
            return;
        }
        if (path[1].equals("up")) {
            proxy.up();
        } else {
            proxy.down();
        }
        respond(exchange, 200, status());
    }

    private String status() {
        return proxies.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry ->
                        "\"" + entry.getKey() + "\":\"" + (entry.getValue().isUp() ? "up" : "down") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
