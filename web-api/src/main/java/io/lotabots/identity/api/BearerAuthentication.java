package io.lotabots.identity.api;

import io.lotabots.identity.tokens.AccessTokenVerifier;
import io.lotabots.identity.tokens.InvalidAccessToken;
import io.lotabots.identity.tokens.TokenRejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Hashtable;
import java.util.Map;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer}: the token is verified
 * against our published keys and becomes the caller principal (a MicroProfile {@code
 * JsonWebToken}) with its {@code groups} as roles. A token that fails leaves the request
 * unauthenticated with the reason in the request attribute {@link #REJECTION}; {@link
 * RefusedTokenFilter} then answers 401 problem+json with an RFC 6750 {@code invalid_token}
 * challenge. (Writing the answer here does not end the request: API resources are not protected
 * for the servlet container, so Liberty carries on into JAX-RS after a failure.) Requests without a
 * bearer token pass on unauthenticated; {@link AuthenticationRequired} refuses them where roles
 * are needed.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

    /** Request attribute: the {@link TokenRejection} of a bearer token that did not verify. */
    public static final String REJECTION = BearerAuthentication.class.getName() + ".rejection";

    private static final String SCHEME = "Bearer ";

    /**
     * The authentication type this mechanism reports to the container (Jakarta Authentication's
     * MessageInfo key). Without one Liberty takes the WAR's default, BASIC, and then decodes any
     * {@code Authorization: Basic} header itself for its audit record, failing with a 500 on a
     * malformed one before the application runs; {@code RawRequestCheck} answers those with a 400.
     */
    static final String AUTH_TYPE = "jakarta.servlet.http.authType";

    private static final String AUTH_TYPE_VALUE = "LOTABOTS";

    /**
     * Liberty's properties (the ones its own mpJwt support sets) that keep it from making an LTPA
     * single-sign-on token for the subject: a bearer request needs no sign-in cookie, and building and
     * signing that token to key the authentication cache was a large part of a small request's CPU.
     */
    private static final Map<String, Object> NO_SINGLE_SIGN_ON = Map.of(
            "com.ibm.ws.authentication.internal.sso.disable.ltpa.cookie", Boolean.TRUE,
            "com.ibm.ws.authentication.internal.sso.disable.ltpa.cache", Boolean.TRUE);

    /**
     * Liberty's key for its authentication cache: with it, a token seen before finds the subject built
     * for it and skips the JAAS login (docs/benchmarks.md). Only verified tokens reach
     * the cache, every request is still verified here, and revocation is checked after it.
     */
    private static final String AUTH_CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";

    private static final String AUTH_CACHE_KEY_PREFIX = "lotabots-bearer:";

    @Inject
    AccessTokenVerifier verifier;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            if (authorization != null && authorization.regionMatches(true, 0, "Basic", 0, 5)) {
                context.getMessageInfo().getMap().put(AUTH_TYPE, AUTH_TYPE_VALUE);
            }
            return context.doNothing();
        }
        String raw = authorization.substring(SCHEME.length()).trim();
        try {
            var claims = verifier.verify(raw);
            var token = new VerifiedToken(raw, claims);
            // a table of its own per subject: Liberty may add to the one it finds
            var credentials = new Hashtable<String, Object>(NO_SINGLE_SIGN_ON);
            credentials.put(AUTH_CACHE_KEY, AUTH_CACHE_KEY_PREFIX + claims.getJWTID());
            context.getClientSubject().getPrivateCredentials().add(credentials);
            return context.notifyContainerAboutLogin(token, token.getGroups());
        } catch (InvalidAccessToken e) {
            request.setAttribute(REJECTION, e.reason());
            return context.doNothing();
        }
    }
}
