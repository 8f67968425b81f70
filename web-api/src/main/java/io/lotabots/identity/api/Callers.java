package io.lotabots.identity.api;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a request, from the access token MicroProfile JWT has already verified. */
public final class Callers {

    private Callers() {}

    public static Caller of(JsonWebToken token) {
        var roles = EnumSet.noneOf(Role.class);
        // a group this version does not know grants nothing rather than failing the request
        Arrays.stream(Role.values())
                .filter(role -> token.getGroups().contains(role.name()))
                .forEach(roles::add);
        String tenant = token.getClaim("tenant");
        return new Caller(UUID.fromString(tenant), token.getSubject(), roles);
    }
}
