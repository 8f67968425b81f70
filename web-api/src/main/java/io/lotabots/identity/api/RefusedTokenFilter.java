package io.lotabots.identity.api;

import io.lotabots.identity.tokens.TokenRejection;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A request whose bearer token did not verify is refused on every API endpoint, public ones
 * included: 401 problem+json {@code invalid-token} with {@code WWW-Authenticate: Bearer
 * error="invalid_token"} and the reason.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RefusedTokenFilter implements ContainerRequestFilter {

    @Inject
    RejectedTokens rejected;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(BearerAuthentication.REJECTION) instanceof TokenRejection rejection) {
            rejected.count(rejection);
            throw Refusal.of(Kind.INVALID_TOKEN, "invalid-token", "Invalid access token", rejection.description());
        }
    }
}
