package io.lotabots.platform.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * How callers authenticate: with a bearer access token, which users get from a password login and
 * bots from the client-credentials grant, which takes an API key's id and secret.
 */
final class SecuritySchemes {

    static final String BEARER = "bearerToken";
    static final String API_KEY_CREDENTIALS = "apiKeyCredentials";
    static final String TOKEN_URL = "/api/v1/auth/token";

    private SecuritySchemes() {}

    static Map<String, SecurityScheme> all() {
        var schemes = new LinkedHashMap<String, SecurityScheme>();
        schemes.put(
                BEARER,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from POST /api/v1/auth/login (users) or " + TOKEN_URL
                                + " (API keys); its groups are the caller's roles. Signing keys:"
                                + " /.well-known/jwks.json."));
        schemes.put(
                API_KEY_CREDENTIALS,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("The API key's id and lbk_ secret, form-encoded (RFC 6749 section 2.3.1); or"
                                + " client_id and client_secret in the body"));
        return schemes;
    }

    /**
     * An operation that needs a role: a user's or an API key's access token. (API keys are not an
     * OAuth 2.0 scheme of their own here: the document would have to name scopes, and the tokens
     * carry roles, which the access-control matrix lists.)
     */
    static List<SecurityRequirement> roleRequired() {
        return List.of(requirement(BEARER));
    }

    /**
     * The client-credentials grant: the key's credentials as HTTP Basic (the scheme says they may be
     * sent in the body instead; an empty requirement for that case is refused by Liberty's validator).
     */
    static List<SecurityRequirement> clientCredentials() {
        return List.of(requirement(API_KEY_CREDENTIALS));
    }

    /** A public operation: an empty list of requirements says no credentials are needed. */
    static List<SecurityRequirement> none() {
        return List.of();
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }
}
