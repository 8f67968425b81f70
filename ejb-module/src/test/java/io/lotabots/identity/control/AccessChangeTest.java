package io.lotabots.identity.control;

import static io.lotabots.identity.entity.Role.ADMIN;
import static io.lotabots.identity.entity.Role.AUDITOR;
import static io.lotabots.identity.entity.Role.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessChangeTest {

    @Test
    void takingAwayAdminFromAnEnabledAdministratorRemovesAnAdministrator() {
        assertTrue(new AccessChange(true, Set.of(ADMIN, AUDITOR), true, Set.of(AUDITOR)).removesAdministrator());
    }

    @Test
    void disablingAnAdministratorRemovesAnAdministrator() {
        assertTrue(new AccessChange(true, Set.of(ADMIN), false, Set.of(ADMIN)).removesAdministrator());
    }

    @Test
    void aDisabledAdministratorWasNotWorkingSoChangingThemRemovesNone() {
        assertFalse(new AccessChange(false, Set.of(ADMIN), false, Set.of(AUDITOR)).removesAdministrator());
    }

    @Test
    void keepingAdminWhileChangingOtherRolesRemovesNoAdministrator() {
        assertFalse(new AccessChange(true, Set.of(ADMIN), true, Set.of(ADMIN, DEVELOPER)).removesAdministrator());
    }

    @Test
    void removingAnyRoleWithdrawsAccess() {
        assertTrue(new AccessChange(true, Set.of(AUDITOR, DEVELOPER), true, Set.of(DEVELOPER)).withdrawsAccess());
    }

    @Test
    void disablingWithdrawsAccess() {
        assertTrue(new AccessChange(true, Set.of(DEVELOPER), false, Set.of(DEVELOPER)).withdrawsAccess());
    }

    @Test
    void onlyAddingRolesOrEnablingWithdrawsNothing() {
        assertFalse(new AccessChange(true, Set.of(DEVELOPER), true, Set.of(DEVELOPER, AUDITOR)).withdrawsAccess());
        assertFalse(new AccessChange(false, Set.of(DEVELOPER), true, Set.of(DEVELOPER)).withdrawsAccess());
    }

    @Test
    void aDisabledUserHasNoSessionsToEnd() {
        assertFalse(new AccessChange(false, Set.of(ADMIN), false, Set.of()).withdrawsAccess());
    }
}
