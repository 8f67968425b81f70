package io.lotabots.platform.console.security;

import io.lotabots.identity.boundary.ConsoleIdentity;
import io.lotabots.identity.boundary.Logins;
import io.lotabots.platform.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;

/**
 * Validates console credentials against the identity EJBs, so the console shares the API's users,
 * password hashing, lockouts and login audit. The groups are the user's role names.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @Inject
    Logins logins;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ConsoleCredential console)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            ConsoleIdentity identity = logins.consoleLogin(
                    console.tenant(), console.getCaller(), console.getPassword().getValue(), console.sourceAddress());
            return new CredentialValidationResult(
                    new ConsolePrincipal(identity),
                    identity.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        } catch (Refusal wrong) {
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
