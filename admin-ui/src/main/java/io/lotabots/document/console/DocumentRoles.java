package io.lotabots.document.console;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;

/**
 * The API's document roles among the console's: every console role reads; administrators and compliance
 * officers write (auditors only read); administrators delete. Kept equal to {@code DocumentsResource}.
 */
final class DocumentRoles {

    private DocumentRoles() {}

    static boolean writes(Caller caller) {
        return caller.roles().contains(Role.ADMIN) || caller.roles().contains(Role.COMPLIANCE_OFFICER);
    }

    static boolean deletes(Caller caller) {
        return caller.roles().contains(Role.ADMIN);
    }
}
