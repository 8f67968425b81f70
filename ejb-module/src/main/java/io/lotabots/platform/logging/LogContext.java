package io.lotabots.platform.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fields added to every log record the current thread writes, through Liberty's {@code LogRecordContext}
 * (JSON logs show a field {@code name} as {@code ext_name}). The class is found by name: IBM does not
 * publish its API jar to Maven Central, and outside Liberty (unit tests) the fields are simply not kept.
 */
public final class LogContext {

    private static final Logger LOG = Logger.getLogger(LogContext.class.getName());
    private static final String LIBERTY_CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";
    private static final MethodHandle ADD;
    private static final MethodHandle REMOVE;
    /** This thread's fields, so that work handed to another thread can take them along ({@link #carried}). */
    private static final ThreadLocal<Map<String, String>> FIELDS = ThreadLocal.withInitial(HashMap::new);

    static {
        MethodHandle add = null;
        MethodHandle remove = null;
        try {
            var type = Class.forName(LIBERTY_CONTEXT, true, LogContext.class.getClassLoader());
            var lookup = MethodHandles.publicLookup();
            add = lookup.findStatic(
                    type, "addExtension", MethodType.methodType(void.class, String.class, String.class));
            remove = lookup.findStatic(type, "removeExtension", MethodType.methodType(boolean.class, String.class));
        } catch (ReflectiveOperationException | LinkageError notOnLiberty) {
            LOG.log(Level.FINE, "No Liberty LogRecordContext: log records carry no request fields", notOnLiberty);
        }
        ADD = add;
        REMOVE = remove;
    }

    private LogContext() {}

    /** Whether the fields reach the log records (false outside Liberty). */
    public static boolean active() {
        return ADD != null;
    }

    /** Adds {@code name=value} to this thread's records until {@link #remove}; a null value removes it. */
    public static void put(String name, String value) {
        if (value == null) {
            remove(name);
            return;
        }
        FIELDS.get().put(name, value);
        if (ADD != null) {
            try {
                ADD.invokeExact(name, value);
            } catch (Throwable e) {
                throw new IllegalStateException("LogRecordContext.addExtension failed", e);
            }
        }
    }

    public static void remove(String name) {
        FIELDS.get().remove(name);
        if (REMOVE != null) {
            try {
                // the answer (whether the field was there) does not matter; invokeExact needs its type
                boolean wasThere = (boolean) REMOVE.invokeExact(name);
            } catch (Throwable e) {
                throw new IllegalStateException("LogRecordContext.removeExtension failed", e);
            }
        }
    }

    /** This thread's fields now. */
    public static Map<String, String> current() {
        return Map.copyOf(FIELDS.get());
    }

    /**
     * The task with this thread's fields and trace context: run on another thread (a scheduler's), its
     * log lines carry them too (and its spans join the trace), and that thread is left without them afterwards.
     */
    public static Runnable carried(Runnable task) {
        var fields = current();
        Runnable traced =
                Span.current().getSpanContext().isValid() ? Context.current().wrap(task) : task;
        if (fields.isEmpty()) {
            return traced;
        }
        return () -> {
            fields.forEach(LogContext::put);
            try {
                traced.run();
            } finally {
                fields.keySet().forEach(LogContext::remove);
            }
        };
    }
}
