package io.lotabots.platform.api;

import io.lotabots.platform.api.problem.RefusalMapper;
import io.lotabots.platform.ratelimit.RateLimitDecision;
import io.lotabots.platform.ratelimit.RateLimiter;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rate limits every /api/v1 request per client: the token's subject when the caller authenticated,
 * otherwise the source address. Over the limit: 429 problem+json with Retry-After. Every answer
 * carries RateLimit-Policy and RateLimit. When Redis does not answer the request fails with 503
 * rather than pass unlimited (fail closed).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimiter limiter;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!limiter.enabled()) {
            return;
        }
        var decision = limiter.take(client(request.getSecurityContext().getUserPrincipal()));
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            request.abortWith(tooManyRequests(
                    decision, request.getUriInfo().getRequestUri().getRawPath()));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
            response.getHeaders().putSingle(RateLimitHeaders.POLICY, RateLimitHeaders.policy(limiter.policy()));
            response.getHeaders().putSingle(RateLimitHeaders.STATE, RateLimitHeaders.state(decision));
        }
    }

    /** Asks the security context, not an injected token, which would log an error for every anonymous call. */
    private String client(Principal caller) {
        return caller instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? "sub:" + jwt.getSubject()
                : "ip:" + addresses.of(http);
    }

    private Response tooManyRequests(RateLimitDecision decision, String path) {
        var policy = limiter.policy();
        var refusal = Refusal.builder(Kind.RATE_LIMITED, "rate-limited", "Too many requests")
                .detail("This client may send " + policy.requests() + " requests per " + policy.windowSeconds()
                        + " seconds, at most " + policy.burst() + " at once. Retry after "
                        + decision.retryAfterSeconds() + " seconds.")
                .retryAfter(Duration.ofSeconds(decision.retryAfterSeconds()))
                .build();
        return RefusalMapper.response(refusal, path);
    }
}
