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
import java.time.Duration;

/**
 * Times every API request from before CORS, rate limiting and authorization (the first request
 * filter) to its answer: without a body, at the last response filter; with one, once {@link
 * HttpMetricsBodyTimer} has written it. Requests refused before a resource matched count under
 * {@link RouteTemplates#UNMATCHED}.
 */
@Provider
@PreMatching
@Priority(0)
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String STARTED = HttpMetricsFilter.class.getName() + ".started";
    static final String AWAITING_BODY = HttpMetricsFilter.class.getName() + ".awaitingBody";
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

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
