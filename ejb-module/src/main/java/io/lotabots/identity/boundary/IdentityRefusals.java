package io.lotabots.identity.boundary;

import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity boundaries' refusals, each with its problem type. Logins and refresh tokens refused
 * commit: their audit event and the counted failure must stay.
 */
public final class IdentityRefusals {

    /** The problem type of a username the tenant has already; the console shows it on the name field. */
    public static final String USERNAME_TAKEN = "username-taken";

    /** The problem type of a wrong current password; the console shows it on that field. */
    public static final String CURRENT_PASSWORD_MISMATCH = "current-password-mismatch";

    private IdentityRefusals() {}

    /**
     * Refuses unless both lists are empty: only the password policy's rules broken is a weak password
     * (its own problem type); anything else is invalid input, reported together with those rules.
     */
    static void refuseUnlessEmpty(List<FieldProblem> input, List<FieldProblem> passwordRules) {
        if (input.isEmpty() && passwordRules.isEmpty()) {
            return;
        }
        if (input.isEmpty()) {
            throw weakPassword(passwordRules);
        }
        var all = new ArrayList<>(input);
        all.addAll(passwordRules);
        throw Refusal.invalidInput(all);
    }

    /** A new password that breaks the password policy; names every rule it breaks, never the password. */
    static Refusal weakPassword(List<FieldProblem> brokenRules) {
        return Refusal.builder(Kind.INVALID_INPUT, "weak-password", "Password not allowed")
                .detail("The password breaks " + brokenRules.size() + " rule(s) of the password policy.")
                .problems(brokenRules)
                .build();
    }

    /** The tenant already has a user of that name (compared without case). */
    static Refusal usernameTaken(String username) {
        return Refusal.of(
                Kind.CONFLICT,
                USERNAME_TAKEN,
                "Username taken",
                "The tenant already has a user named '" + username + "'.");
    }

    /** The change would leave the tenant without an enabled administrator, and nobody could undo it. */
    static Refusal lastAdministrator() {
        return Refusal.of(
                Kind.CONFLICT,
                "last-administrator",
                "Last administrator",
                "This is the tenant's last enabled administrator; make another user ADMIN first.");
    }

    /** The caller's If-Match names a version the user no longer has: someone changed it in between. */
    static Refusal userChanged(long currentVersion) {
        return Refusal.staleVersion("The user was changed since you read it; read it again and retry.", currentVersion);
    }

    /** A tenant of that name exists already (the platform pseudo-tenant's name is refused before this). */
    static Refusal tenantNameTaken(String name) {
        return Refusal.of(
                Kind.CONFLICT,
                "tenant-name-taken",
                "Tenant name taken",
                "A tenant named '" + name + "' exists already.");
    }

    /** A suspension of a suspended tenant ({@code suspended}), or a resumption of an active one. */
    static Refusal tenantState(boolean suspended) {
        return suspended
                ? Refusal.of(
                        Kind.CONFLICT,
                        "tenant-suspended",
                        "Tenant suspended already",
                        "The tenant is suspended already.")
                : Refusal.of(Kind.CONFLICT, "tenant-active", "Tenant not suspended", "The tenant is not suspended.");
    }

    /**
     * A user changing their own password gave a wrong or no current password. Committed: a lockout
     * this wrong guess started is audited in the same transaction, and nothing else changed.
     */
    static Refusal currentPasswordMismatch() {
        return Refusal.builder(Kind.FORBIDDEN, CURRENT_PASSWORD_MISMATCH, "Current password not correct")
                .detail("The current password is not correct.")
                .committed()
                .build();
    }

    /**
     * Client authentication failed (RFC 6749 {@code invalid_client}): one refusal for an unknown,
     * revoked or expired key and a mismatched client id, so the answer never tells which.
     */
    public static Refusal invalidClient() {
        return Refusal.of(
                Kind.INVALID_CLIENT,
                "invalid-client",
                "Invalid client",
                "The API key is unknown, revoked or expired, or does not match the client id.");
    }

    /**
     * Login failed: one refusal for an unknown tenant, an unknown user, a disabled user and a wrong
     * password, so an answer never tells which. Committed, so the failure's audit event and count stay.
     */
    static Refusal invalidCredentials() {
        return Refusal.builder(Kind.INVALID_CREDENTIALS, "invalid-credentials", "Invalid credentials")
                .detail("The tenant, username or password is not correct.")
                .committed()
                .build();
    }

    /**
     * The password was right but was handed out (a one-time password): the login must also name the
     * user's own new password. Committed, so its audit event stays.
     */
    static Refusal passwordChangeRequired() {
        return Refusal.builder(Kind.FORBIDDEN, "password-change-required", "Password change required")
                .detail("The password is a one-time password: log in again with your own password in newPassword.")
                .committed()
                .build();
    }

    /**
     * A refresh token that is unknown, expired, spent, or belongs to an ended session. Committed: a
     * reused token's session revocation and the audit event stay.
     */
    static Refusal invalidGrant() {
        return Refusal.builder(Kind.INVALID_CREDENTIALS, "invalid-grant", "Invalid refresh token")
                .detail("The refresh token is not valid any more; log in again.")
                .committed()
                .build();
    }
}
