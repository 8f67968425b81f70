package io.lotabots.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/**
 * The application's tracer for code that CDI does not create (EclipseLink's session listener, the S3
 * client's interceptor); a no-op one until {@link TracingStartup} installs the server's.
 */
public final class Tracing {

    /** The instrumentation scope of every span the application makes itself. */
    public static final String SCOPE = "io.lotabots";

    private static volatile Tracer tracer = OpenTelemetry.noop().getTracer(SCOPE);

    private Tracing() {}

    static void install(OpenTelemetry openTelemetry) {
        tracer = openTelemetry.getTracer(SCOPE);
    }

    public static Tracer tracer() {
        return tracer;
    }

    /**
     * Whether this thread serves a traced request or message. The application's own spans are only ever
     * children: a timer's or a probe's SQL starts no trace of its own.
     */
    public static boolean inTrace() {
        return Span.current().getSpanContext().isValid();
    }
}
