package io.lotabots.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.identity.entity.Role;
import io.lotabots.platform.refusal.FieldProblem;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityInputTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final char[] PASSWORD = "a long enough passphrase".toCharArray();

    @Test
    void aNamedUserWithARoleIsFine() {
        assertEquals(List.of(), IdentityInput.newUser("dana.ops@example", PASSWORD, Set.of(Role.OPERATOR)));
    }

    @Test
    void aUserWithoutRolesIsRefusedOnTheRolesField() {
        assertEquals(
                List.of(new FieldProblem("roles", "must name at least one role")),
                IdentityInput.newUser("dana", PASSWORD, Set.of()));
        assertEquals(
                List.of(new FieldProblem("roles", "must name at least one role")),
                IdentityInput.newUser("dana", PASSWORD, null));
    }

    @Test
    void aRoleSetHoldingNullIsNoRole() {
        var roles = new HashSet<Role>();
        roles.add(null);

        assertEquals(List.of("roles"), fields(IdentityInput.roles(roles)));
    }

    @Test
    void thePlatformOperatorsRoleIsNoTenantsToGive() {
        assertEquals(List.of("roles"), fields(IdentityInput.roles(Set.of(Role.ADMIN, Role.PLATFORM_OPERATOR))));
        assertEquals(
                List.of("roles"),
                fields(IdentityInput.newApiKey("bot", Set.of(Role.PLATFORM_OPERATOR), null, java.time.Instant.EPOCH)));
        assertEquals(List.of(), IdentityInput.roles(Set.of(Role.ADMIN, Role.DEVELOPER)));
    }

    @Test
    void namesEveryBadFieldOfANewUserAtOnce() {
        assertEquals(List.of("username", "password", "roles"), fields(IdentityInput.newUser(" ", null, Set.of())));
    }

    @Test
    void aUsernameOfOtherCharactersOrTooLongIsRefused() {
        assertEquals(
                List.of(new FieldProblem("username", "may contain only letters, digits and . _ @ -")),
                IdentityInput.newUser("kim with spaces", PASSWORD, Set.of(Role.AUDITOR)));
        assertEquals(
                List.of(new FieldProblem("username", "has more than 100 characters")),
                IdentityInput.newUser("k".repeat(101), PASSWORD, Set.of(Role.AUDITOR)));
    }

    @Test
    void aPasswordOverTheHashingBoundIsRefusedBeforeThePolicyLooksAtIt() {
        assertEquals(
                List.of(new FieldProblem("password", "has more than 1024 characters")),
                IdentityInput.password("password", new char[1025]));
        assertEquals(List.of(), IdentityInput.password("password", new char[1024]));
    }

    @Test
    void anApiKeyNeedsANameARoleAndAFutureExpiry() {
        assertEquals(List.of(), IdentityInput.newApiKey("pipeline", Set.of(Role.DEVELOPER), null, NOW));
        assertEquals(
                List.of("name", "roles", "expiresAt"),
                fields(IdentityInput.newApiKey("", Set.of(), NOW.minusSeconds(1), NOW)));
        assertEquals(
                List.of(new FieldProblem("roles", "must name at least one role")),
                IdentityInput.newApiKey("no-roles", Set.of(), null, NOW));
        assertEquals(List.of("expiresAt"), fields(IdentityInput.newApiKey("now", Set.of(Role.DEVELOPER), NOW, NOW)));
        assertEquals(
                List.of("name"), fields(IdentityInput.newApiKey("n".repeat(101), Set.of(Role.AUDITOR), null, NOW)));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
