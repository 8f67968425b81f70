package io.lotabots.platform.api;

import io.lotabots.platform.api.problem.RefusalMapper;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CORS for browser clients of {@code lotabots.cors.allowed-origins}. Preflights are answered here,
 * before authentication and rate limiting (a browser sends them without credentials); a preflight
 * from any other origin gets 403 without CORS headers. Actual requests of allowed origins get
 * Access-Control-Allow-Origin and the exposed headers on every answer, errors included.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ORIGIN = "Origin";

    @Inject
    @ConfigProperty(name = "lotabots.cors.allowed-origins")
    Optional<List<String>> origins;

    @Inject
    @ConfigProperty(name = "lotabots.cors.allowed-methods", defaultValue = "GET,POST,PUT,PATCH,DELETE")
    List<String> methods;

    @Inject
    @ConfigProperty(name = "lotabots.cors.allowed-headers", defaultValue = "Authorization,Content-Type,If-Match")
    List<String> allowedHeaders;

    @Inject
    @ConfigProperty(
            name = "lotabots.cors.exposed-headers",
            defaultValue = "Location,ETag,RateLimit,RateLimit-Policy,Retry-After,X-Request-Id")
    List<String> exposedHeaders;

    @Inject
    @ConfigProperty(name = "lotabots.cors.max-age", defaultValue = "3600")
    long maxAgeSeconds;

    private CorsPolicy policy;

    @PostConstruct
    void init() {
        policy = new CorsPolicy(
                new HashSet<>(origins.orElse(List.of())), methods, allowedHeaders, exposedHeaders, maxAgeSeconds);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isPreflight(request)) {
            return;
        }
        String origin = request.getHeaderString(ORIGIN);
        if (!policy.allows(origin)) {
            request.abortWith(RefusalMapper.response(
                    Refusal.of(
                            Kind.FORBIDDEN,
                            "cors-origin-not-allowed",
                            "Origin not allowed",
                            "This API does not accept cross-origin requests from " + origin + "."),
                    request.getUriInfo().getRequestUri().getRawPath()));
            return;
        }
        var answer = Response.noContent();
        policy.preflightHeaders(origin).forEach(answer::header);
        request.abortWith(answer.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (origin == null) {
            return;
        }
        var headers = response.getHeaders();
        headers.add("Vary", ORIGIN);
        if (policy.allows(origin) && !headers.containsKey("Access-Control-Allow-Origin")) {
            policy.responseHeaders(origin).forEach(headers::putSingle);
        }
    }

    private static boolean isPreflight(ContainerRequestContext request) {
        return HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString(ORIGIN) != null
                && request.getHeaderString("Access-Control-Request-Method") != null;
    }
}
