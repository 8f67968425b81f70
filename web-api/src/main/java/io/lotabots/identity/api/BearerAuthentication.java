package io.lotabots.identity.api;

import io.lotabots.identity.tokens.AccessTokenVerifier;
import io.lotabots.identity.tokens.InvalidAccessToken;
import io.lotabots.platform.api.problem.ContainerErrorServlet;
import io.lotabots.platform.api.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer}: the token is verified
 * against our published keys and becomes the caller principal (a MicroProfile {@code
 * JsonWebToken}) with its {@code groups} as roles. A token that fails is answered here, before any
 * application code: 401 problem+json with an RFC 6750 {@code invalid_token} challenge — which
 * Liberty's own mpJwt interceptor cannot give (it answers with an empty body). Requests without a
 * bearer token pass on unauthenticated; {@code @RolesAllowed} then refuses them where it must.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";

    @Inject
    AccessTokenVerifier verifier;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return context.doNothing();
        }
        String raw = authorization.substring(SCHEME.length()).trim();
        try {
            var token = new VerifiedToken(raw, verifier.verify(raw));
            return context.notifyContainerAboutLogin(token, token.getGroups());
        } catch (InvalidAccessToken e) {
            refuse(request, response, e);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, InvalidAccessToken e) {
        var problem = new Problem("invalid-token", "Invalid access token", 401, e.getMessage());
        // the error page renders the same document should the container send its own 401 after us
        request.setAttribute(ContainerErrorServlet.PROBLEM, problem);
        response.setStatus(401);
        response.setHeader(
                "WWW-Authenticate",
                "Bearer realm=\"lotabots\", error=\"invalid_token\", error_description=\"" + e.getMessage() + "\"");
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(problem.toJson(request.getRequestURI()).toString());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }
}
