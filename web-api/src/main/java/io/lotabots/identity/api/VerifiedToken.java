package io.lotabots.identity.api;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified access token as the caller principal: the MicroProfile JWT view of its claims
 * (numeric dates as seconds, {@code aud} and {@code groups} as sets, {@code raw_token}).
 */
final class VerifiedToken implements JsonWebToken {

    private final String raw;
    private final JWTClaimsSet claims;

    VerifiedToken(String raw, JWTClaimsSet claims) {
        this.raw = raw;
        this.claims = claims;
    }

    @Override
    public String getName() {
        Object upn = claims.getClaim(Claims.upn.name());
        return upn instanceof String name ? name : claims.getSubject();
    }

    @Override
    public Set<String> getClaimNames() {
        var names = new LinkedHashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) raw;
        }
        Object value = claims.getClaim(name);
        if (value instanceof Date date) {
            return (T) Long.valueOf(date.getTime() / 1000);
        }
        if (value instanceof Collection<?> values && isSetClaim(name)) {
            return (T) Set.copyOf(values.stream().map(String::valueOf).toList());
        }
        return (T) value;
    }

    @Override
    public Set<String> getGroups() {
        Set<String> groups = getClaim(Claims.groups.name());
        return groups == null ? Set.of() : groups;
    }

    private static boolean isSetClaim(String name) {
        return List.of(Claims.aud.name(), Claims.groups.name()).contains(name);
    }

    @Override
    public String toString() {
        return "VerifiedToken[sub=" + claims.getSubject() + ", jti=" + claims.getJWTID() + "]";
    }
}
