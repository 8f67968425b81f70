package io.lotabots.platform.api;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of a request, from the access token the API's bearer authentication has already verified.
 * Resources read it from the request's security context rather than from an injected
 * {@code JsonWebToken}: injecting that builds a request-scoped bean through Liberty's injection engine
 * on every request.
 */
public final class Callers {

    private Callers() {}

    public static Caller of(SecurityContext security) {
        return of(token(security));
    }

    /** The verified token; role-protected resources are never reached without one. */
    public static JsonWebToken token(SecurityContext security) {
        if (security.getUserPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        throw new NotAuthorizedException("Bearer");
    }

    public static Caller of(JsonWebToken token) {
        var roles = EnumSet.noneOf(Role.class);
        // once: every call on the injected token goes through its request-scoped proxy and copies the set
        Set<String> groups = token.getGroups();
        // a group this version does not know grants nothing rather than failing the request
        for (Role role : Role.values()) {
            if (groups.contains(role.name())) {
                roles.add(role);
            }
        }
        String tenant = token.getClaim("tenant");
        // the name the audit trail shows beside the subject: a username, or an API key's name
        String name = token.getClaim("upn");
        return new Caller(UUID.fromString(tenant), token.getSubject(), name, roles);
    }
}
