package io.lotabots.platform.api.metrics;

import io.lotabots.platform.api.ApiApplication;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.time.Duration;

/**
 * Times every API request from before CORS, rate limiting and authorization (the first request
 * filter) to its answer: with a body, once the body is written (the outermost writer interceptor);
 * without, at the last response filter. Requests refused before a resource matched count under
 * {@link RouteTemplates#UNMATCHED}.
 */
@Provider
@PreMatching
@Priority(0)
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final String STARTED = HttpMetricsFilter.class.getName() + ".started";
    private static final String AWAITING_BODY = HttpMetricsFilter.class.getName() + ".awaitingBody";
    private static final RouteTemplates TEMPLATES = new RouteTemplates(ApiApplication.class);

    @Inject
    HttpRequestMetrics metrics;

    @Context
    ResourceInfo matched;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        var key = new HttpRequestMetrics.RequestKey(
                RequestLabels.method(request.getMethod()),
                TEMPLATES.of(matched.getResourceClass(), matched.getResourceMethod()),
                RequestLabels.status(response.getStatus()));
        if (response.hasEntity() && !HttpMethod.HEAD.equals(request.getMethod())) {
            request.setProperty(AWAITING_BODY, key);
        } else {
            request.removeProperty(STARTED);
            metrics.record(key, since(started));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } finally {
            if (context.getProperty(AWAITING_BODY) instanceof HttpRequestMetrics.RequestKey key
                    && context.getProperty(STARTED) instanceof Long started) {
                context.removeProperty(AWAITING_BODY);
                context.removeProperty(STARTED);
                metrics.record(key, since(started));
            }
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
