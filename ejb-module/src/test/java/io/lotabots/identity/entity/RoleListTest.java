package io.lotabots.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleListTest {

    @Test
    void formatsSortedSoEqualSetsGiveEqualColumns() {
        assertEquals("AUDITOR,DEVELOPER", RoleList.format(Set.of(Role.DEVELOPER, Role.AUDITOR)));
    }

    @Test
    void parsesWhatItFormats() {
        var roles = EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.COMPLIANCE_OFFICER);

        assertEquals(roles, RoleList.parse(RoleList.format(roles)));
    }

    @Test
    void anEmptyColumnIsNoRoles() {
        assertEquals(Set.of(), RoleList.parse(""));
    }

    @Test
    void anUnknownRoleNameIsACorruptRow() {
        assertThrows(IllegalArgumentException.class, () -> RoleList.parse("ADMIN,ROOT"));
    }
}
