package io.lotabots.identity.console;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import io.lotabots.identity.entity.Role;

/** A multi-select of a tenant's roles with a stable id (the platform operator's role is no tenant's). */
final class RoleChoice {

    private RoleChoice() {}

    static MultiSelectComboBox<Role> of(String label, String id) {
        var roles = new MultiSelectComboBox<Role>(
                label,
                java.util.Arrays.stream(Role.values())
                        .filter(Role::isTenantRole)
                        .toList());
        roles.setId(id);
        roles.setWidth("22em");
        return roles;
    }
}
