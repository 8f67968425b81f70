package io.lotabots.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * A span for each business method call of an enterprise bean made while a request or message is traced
 * ({@code AttestationJobs.submit}); bound to every bean in {@code META-INF/ejb-jar.xml}. Calls outside
 * a trace (timers, start-up) start none.
 */
public class EjbSpans {

    @AroundInvoke
    Object traced(InvocationContext call) throws Exception {
        if (!Tracing.inTrace()) {
            return call.proceed();
        }
        var method = call.getMethod();
        String bean = method.getDeclaringClass().getSimpleName();
        Span span = Tracing.tracer()
                .spanBuilder(bean + "." + method.getName())
                .setAttribute("code.namespace", method.getDeclaringClass().getName())
                .setAttribute("code.function", method.getName())
                .startSpan();
        try (var scope = span.makeCurrent()) {
            return call.proceed();
        } catch (Exception | Error e) {
            // the exception's type only: messages may carry input
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
