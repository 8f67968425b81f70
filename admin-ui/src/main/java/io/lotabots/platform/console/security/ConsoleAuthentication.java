package io.lotabots.platform.console.security;

import io.lotabots.identity.boundary.Logins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's authentication mechanism: the login view hands it a {@link ConsoleCredential}
 * through {@code SecurityContext.authenticate}; the HTTP session keeps the result. A valid user
 * without a console role is refused and the session just opened for them is ended again.
 * Failures never write to the response: the login view, not the container, tells the user.
 */
@ApplicationScoped
@AutoApplySession
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link SignInOutcome} of the attempt. */
    public static final String OUTCOME = ConsoleAuthentication.class.getName() + ".outcome";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Logins logins;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic", 0, 5)) {
                // our own authentication type: with the WAR's default (BASIC) Liberty decodes the
                // Basic header itself for its audit record and fails with a 500 on a malformed one
                context.getMessageInfo().getMap().put("jakarta.servlet.http.authType", "LOTABOTS-CONSOLE");
            }
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof ConsolePrincipal principal)) {
            request.setAttribute(OUTCOME, SignInOutcome.wrongCredentials());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!ConsoleSession.admits(principal.identity().roles())) {
            logins.logout(principal.identity().sessionId());
            request.setAttribute(OUTCOME, SignInOutcome.refuse());
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(OUTCOME, SignInOutcome.admit(principal.identity()));
        return context.notifyContainerAboutLogin(result);
    }
}
