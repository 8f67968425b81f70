package io.lotabots.identity.api;

import io.lotabots.identity.boundary.IdentityRefusals;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client of a client-credentials request (RFC 6749 §4.4, §2.3.1): HTTP Basic with the
 * form-encoded key id and secret, or client_id and client_secret in the body; never both.
 */
record ClientAuthentication(UUID clientId, String secret) {

    static final String GRANT_TYPE = "client_credentials";
    private static final int MAX_SECRET_LENGTH = 200;

    /** {@code authorization} is the header (null if absent); {@code form} the request body's parameters. */
    static ClientAuthentication of(String authorization, Map<String, List<String>> form) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw invalidRequest("grant_type is required.");
        }
        if (!GRANT_TYPE.equals(grantType)) {
            throw tokenRequestRefusal(
                    "unsupported-grant-type",
                    "This endpoint grants only client_credentials; users log in at /api/v1/auth/login.");
        }
        String formId = single(form, "client_id");
        String formSecret = single(form, "client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                throw invalidRequest(
                        "Send the client's credentials in the Authorization header or the body, not both.");
            }
            return basic(authorization.substring(6).strip());
        }
        if (formSecret == null) {
            throw IdentityRefusals.invalidClient();
        }
        return new ClientAuthentication(formId == null ? null : clientId(formId), bounded(formSecret));
    }

    private static ClientAuthentication basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw IdentityRefusals.invalidClient();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw IdentityRefusals.invalidClient();
        }
        String id;
        String secret;
        try {
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidRequest("The Basic credentials are not form-encoded (RFC 6749 §2.3.1): a % must be followed"
                    + " by two hex digits.");
        }
        return new ClientAuthentication(clientId(id), bounded(secret));
    }

    private static UUID clientId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw IdentityRefusals.invalidClient();
        }
    }

    private static String bounded(String secret) {
        if (secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) {
            throw IdentityRefusals.invalidClient();
        }
        return secret;
    }

    /** A parameter's one value; RFC 6749 §3.2: a parameter without a value is omitted, one sent twice is invalid. */
    private static String single(Map<String, List<String>> form, String name) {
        var values = form.getOrDefault(name, List.of()).stream()
                .filter(v -> v != null && !v.isEmpty())
                .toList();
        if (values.size() > 1) {
            throw invalidRequest(name + " must be sent once.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Refusal invalidRequest(String detail) {
        return tokenRequestRefusal("invalid-request", detail);
    }

    /** A token request that is malformed before any client is looked at (RFC 6749 §5.2). */
    private static Refusal tokenRequestRefusal(String slug, String detail) {
        return Refusal.of(Kind.INVALID_INPUT, slug, "Invalid token request", detail);
    }

    @Override
    public String toString() {
        return "ClientAuthentication[" + clientId + ", secret hidden]";
    }
}
