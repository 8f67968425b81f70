package io.lotabots.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void thePlatformOperatorIsTheOneRoleNoTenantMayHold() {
        assertFalse(Role.PLATFORM_OPERATOR.isTenantRole());
        assertEquals(
                List.of(Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR, Role.OPERATOR, Role.DEVELOPER),
                Arrays.stream(Role.values()).filter(Role::isTenantRole).toList());
    }
}
