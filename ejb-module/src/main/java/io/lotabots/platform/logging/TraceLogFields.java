package io.lotabots.platform.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ext_traceId} and {@code ext_spanId} on every log line written inside a span (a request's, a
 * queue message's, and their children): Liberty's {@code LogRecordContext} asks these extensions for
 * their value as each record is written, on the writing thread, and leaves a field out when it is null.
 * Found by name like {@link LogContext}; outside Liberty nothing is registered.
 */
public final class TraceLogFields {

    private static final Logger LOG = Logger.getLogger(TraceLogFields.class.getName());
    private static final String LIBERTY_CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";
    /** The log fields ({@code ext_traceId}, {@code ext_spanId} in JSON logs). */
    public static final String TRACE_FIELD = "traceId";

    public static final String SPAN_FIELD = "spanId";

    /** Liberty keeps only weak references to the extensions: these keep them alive. */
    private static Object traceExtension;

    private static Object spanExtension;

    private TraceLogFields() {}

    public static synchronized void register() {
        try {
            Class<?> context = Class.forName(LIBERTY_CONTEXT, true, TraceLogFields.class.getClassLoader());
            Class<?> extension = Class.forName(LIBERTY_CONTEXT + "$Extension", true, context.getClassLoader());
            Method register = context.getMethod("registerExtension", String.class, extension);
            Method unregister = context.getMethod("unregisterExtension", String.class);
            traceExtension = extension(extension, SpanContext::getTraceId);
            spanExtension = extension(extension, SpanContext::getSpanId);
            // a redeployed application finds its predecessor's extensions still registered
            unregister.invoke(null, TRACE_FIELD);
            unregister.invoke(null, SPAN_FIELD);
            register.invoke(null, TRACE_FIELD, traceExtension);
            register.invoke(null, SPAN_FIELD, spanExtension);
        } catch (ReflectiveOperationException | LinkageError notOnLiberty) {
            LOG.log(Level.FINE, "No Liberty LogRecordContext: log records carry no trace ids", notOnLiberty);
        }
    }

    public static synchronized void unregister() {
        try {
            Class<?> context = Class.forName(LIBERTY_CONTEXT, true, TraceLogFields.class.getClassLoader());
            Method unregister = context.getMethod("unregisterExtension", String.class);
            unregister.invoke(null, TRACE_FIELD);
            unregister.invoke(null, SPAN_FIELD);
        } catch (ReflectiveOperationException | LinkageError notOnLiberty) {
            LOG.log(Level.FINE, "No Liberty LogRecordContext to leave", notOnLiberty);
        }
        traceExtension = null;
        spanExtension = null;
    }

    /** The current span's id of this kind, or null outside a span. */
    static String current(Function<SpanContext, String> id) {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? id.apply(span) : null;
    }

    private static Object extension(Class<?> type, Function<SpanContext, String> id) {
        return Proxy.newProxyInstance(
                TraceLogFields.class.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getValue" -> current(id);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "trace log field";
                    default -> null;
                });
    }
}
