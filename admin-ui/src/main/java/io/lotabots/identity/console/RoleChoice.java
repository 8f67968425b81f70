package io.lotabots.identity.console;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import io.lotabots.identity.entity.Role;

/** A multi-select of roles with a stable id. */
final class RoleChoice {

    private RoleChoice() {}

    static MultiSelectComboBox<Role> of(String label, String id) {
        var roles = new MultiSelectComboBox<Role>(label, Role.values());
        roles.setId(id);
        roles.setWidth("22em");
        return roles;
    }
}
