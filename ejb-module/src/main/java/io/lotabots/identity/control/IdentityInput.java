package io.lotabots.identity.control;

import io.lotabots.identity.entity.Role;
import io.lotabots.platform.refusal.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for what an administrator types when creating users and API keys or assigning roles.
 * The identity boundaries apply them, so the REST API and the console refuse exactly the same
 * input; every problem is reported at once. The password policy adds its own rules on top.
 */
public final class IdentityInput {

    public static final int MAX_USERNAME = 100;
    public static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]+";
    public static final int MAX_PASSWORD = 1024;
    public static final int MAX_KEY_NAME = 100;

    private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

    private IdentityInput() {}

    /** A new user: a name of letters, digits and {@code . _ @ -}, a password and at least one role. */
    public static List<FieldProblem> newUser(String username, char[] password, Set<Role> roles) {
        var problems = new ArrayList<FieldProblem>();
        if (username == null || username.isBlank()) {
            problems.add(new FieldProblem("username", "is required"));
        } else if (username.length() > MAX_USERNAME) {
            problems.add(new FieldProblem("username", "has more than " + MAX_USERNAME + " characters"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "may contain only letters, digits and . _ @ -"));
        }
        problems.addAll(password("password", password));
        problems.addAll(roles(roles));
        return List.copyOf(problems);
    }

    /** A password's size; what it may be beyond that is the password policy's to say. */
    public static List<FieldProblem> password(String field, char[] password) {
        if (password == null) {
            return List.of(new FieldProblem(field, "is required"));
        }
        if (password.length > MAX_PASSWORD) {
            // bounds the hashing work one request can ask for
            return List.of(new FieldProblem(field, "has more than " + MAX_PASSWORD + " characters"));
        }
        return List.of();
    }

    /**
     * The roles of a user or an API key: at least one (a principal without a role could do nothing), and
     * only tenant roles (the platform operator's role belongs to no tenant).
     */
    public static List<FieldProblem> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
            return List.of(new FieldProblem("roles", "must name at least one role"));
        }
        var platformRole = roles.stream().filter(role -> !role.isTenantRole()).findFirst();
        if (platformRole.isPresent()) {
            return List.of(new FieldProblem(
                    "roles",
                    platformRole.get().name()
                            + " belongs to the platform, not to a tenant: no user or API key of a tenant may hold it"));
        }
        return List.of();
    }

    /** A new API key: a name, at least one role, and an expiry (null: the default lifetime) after {@code now}. */
    public static List<FieldProblem> newApiKey(String name, Set<Role> roles, Instant expiresAt, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > MAX_KEY_NAME) {
            problems.add(new FieldProblem("name", "has more than " + MAX_KEY_NAME + " characters"));
        }
        problems.addAll(roles(roles));
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.add(new FieldProblem("expiresAt", "must be in the future"));
        }
        return List.copyOf(problems);
    }
}
