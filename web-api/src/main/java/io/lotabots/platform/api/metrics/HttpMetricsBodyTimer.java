package io.lotabots.platform.api.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Records a request whose answer has a body once the body is written (the outermost writer
 * interceptor). A class of its own: RESTEasy applies no interceptor of a {@code @PreMatching} class
 * after matching, so {@link HttpMetricsFilter} cannot be this one too.
 */
@Provider
@Priority(0)
public class HttpMetricsBodyTimer implements WriterInterceptor {

    @Inject
    HttpRequestMetrics metrics;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } finally {
            if (context.getProperty(HttpMetricsFilter.AWAITING_BODY) instanceof HttpRequestMetrics.RequestKey key
                    && context.getProperty(HttpMetricsFilter.STARTED) instanceof Long started) {
                context.removeProperty(HttpMetricsFilter.AWAITING_BODY);
                context.removeProperty(HttpMetricsFilter.STARTED);
                metrics.record(key, HttpMetricsFilter.since(started));
            }
        }
    }
}
