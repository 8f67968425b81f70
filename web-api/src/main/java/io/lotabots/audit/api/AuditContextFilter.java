package io.lotabots.audit.api;

import io.lotabots.audit.boundary.AuditContext;
import io.lotabots.platform.api.ClientAddresses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tells the audit trail where each API request came from (the client's address, behind trusted
 * proxies too; User-Agent) and, when it
 * carries a verified token, who sent it: every event the request causes is attributed so.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuditContextFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest servletRequest;

    @Inject
    AuditContext audit;

    @Inject
    ClientAddresses addresses;

    @Override
    public void filter(ContainerRequestContext request) {
        audit.origin(addresses.of(servletRequest), request.getHeaderString(HttpHeaders.USER_AGENT));
        // the principal, not an injected JsonWebToken: that one logs an error on anonymous requests
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
            audit.authenticated(new AuditContext.Caller(token.getSubject(), token.getClaim("upn"), tenant(token)));
        }
    }

    private static UUID tenant(JsonWebToken token) {
        String tenant = token.getClaim("tenant");
        try {
            return tenant == null ? null : UUID.fromString(tenant);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
