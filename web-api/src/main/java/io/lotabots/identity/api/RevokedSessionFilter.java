package io.lotabots.identity.api;

import io.lotabots.identity.tokens.SessionRevocations;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Refuses tokens of a revoked session (logout, refresh-token reuse), from every server's copy of the revocations. */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class RevokedSessionFilter implements ContainerRequestFilter {

    @Inject
    SessionRevocations revocations;

    @Inject
    RejectedTokens rejected;

    @Override
    public void filter(ContainerRequestContext request) {
        // the security context, not an injected JsonWebToken: that one logs CWWKS5604E for every anonymous call
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        String sid = token.getClaim("sid");
        if (sid == null || revocations.isRevoked(sid)) {
            rejected.count(RejectedTokens.REVOKED);
            throw Refusal.of(
                    Kind.INVALID_TOKEN,
                    "token-revoked",
                    "Session ended",
                    "This token's session was ended (logout or a reused refresh token); log in again.");
        }
    }
}
