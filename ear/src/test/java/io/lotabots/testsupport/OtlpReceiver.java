package io.lotabots.testsupport;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenTelemetry collector as far as the tests need one: takes OTLP/HTTP protobuf exports on
 * {@code /v1/traces} at the port the test server exports to ({@code it.otlp.port}) and keeps the spans.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on the test server's export port. */
    public static OtlpReceiver start() {
        int port = Integer.parseInt(System.getProperty("it.otlp.port"));
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            var receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                try (exchange) {
                    var request = ExportTraceServiceRequest.parseFrom(
                            exchange.getRequestBody().readAllBytes());
                    request.getResourceSpansList()
                            .forEach(r -> r.getScopeSpansList().forEach(s -> receiver.spans.addAll(s.getSpansList())));
                    byte[] answer =
                            ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("OTLP receiver on port " + port, e);
        }
    }

    /** Every span received so far. */
    public List<Span> spans() {
        return List.copyOf(spans);
    }

    /** The spans of one trace received so far. */
    public List<Span> trace(String traceId) {
        return spans.stream()
                .filter(s -> hex(s.getTraceId().toByteArray()).equals(traceId))
                .toList();
    }

    public static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
