package io.lotabots.identity.api;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a request, from the access token MicroProfile JWT has already verified. */
public final class Callers {

    private Callers() {}

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
        return new Caller(UUID.fromString(tenant), token.getSubject(), roles);
    }
}
