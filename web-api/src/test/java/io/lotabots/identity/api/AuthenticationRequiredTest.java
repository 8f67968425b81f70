package io.lotabots.identity.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

class AuthenticationRequiredTest {

    @RolesAllowed("ADMIN")
    static class AdminsOnly {
        public void inherited() {}

        @PermitAll
        public void open() {}
    }

    static class Undeclared {
        public void nothing() {}

        @RolesAllowed("AUDITOR")
        public void auditors() {}

        @DenyAll
        public void nobody() {}
    }

    @PermitAll
    static class Public {
        public void inherited() {}

        @RolesAllowed("OPERATOR")
        public void operators() {}
    }

    @Test
    void rolesOnTheMethodOrItsClassNeedACaller() throws Exception {
        assertTrue(AuthenticationRequired.needsCaller(AdminsOnly.class.getMethod("inherited")));
        assertTrue(AuthenticationRequired.needsCaller(Undeclared.class.getMethod("auditors")));
        assertTrue(AuthenticationRequired.needsCaller(Undeclared.class.getMethod("nobody")));
        assertTrue(AuthenticationRequired.needsCaller(Public.class.getMethod("operators")));
    }

    @Test
    void permitAllOrNoDeclarationNeedsNone() throws Exception {
        assertFalse(AuthenticationRequired.needsCaller(AdminsOnly.class.getMethod("open")));
        assertFalse(AuthenticationRequired.needsCaller(Public.class.getMethod("inherited")));
        assertFalse(AuthenticationRequired.needsCaller(Undeclared.class.getMethod("nothing")));
        assertFalse(AuthenticationRequired.needsCaller(null));
    }
}
