package io.lotabots.identity.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.lotabots.identity.boundary.Lockouts;
import io.lotabots.identity.boundary.UserAccess;
import io.lotabots.identity.boundary.UserView;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.function.Supplier;

/**
 * What an administrator can do to the selected user; each change carries the version it was based
 * on, and disabling asks first.
 */
class UserActions extends HorizontalLayout {

    private final Span selected = new Span("Select a user to change it.");
    private final MultiSelectComboBox<Role> roles = RoleChoice.of("Roles of the selected user", "selected-user-roles");
    private final FieldErrors errors = new FieldErrors(roles).on("roles", roles);
    private final Button saveRoles = new Button("Save roles");
    private final Button toggle = new Button("Disable");
    private final Button unlock = new Button("Unlock");
    private final Runnable changed;
    private UserView user;

    UserActions(UserAccess access, Lockouts lockouts, Runnable changed) {
        this.changed = changed;
        selected.setId("selected-user");
        saveRoles.setId("save-roles-button");
        toggle.setId("toggle-enabled-button");
        saveRoles.addClickListener(click ->
                apply(() -> access.assignRoles(ConsoleSession.caller(), user.id(), user.version(), roles.getValue())));
        toggle.addClickListener(click -> {
            var target = user;
            if (target.enabled()) {
                Confirmation.ask(
                        "disable-user-dialog",
                        "Disable " + target.username() + "?",
                        "They can no longer sign in, and every session they have ends at once.",
                        "Disable",
                        () -> apply(() -> access.disable(ConsoleSession.caller(), target.id(), target.version())));
            } else {
                apply(() -> access.enable(ConsoleSession.caller(), target.id(), target.version()));
            }
        });
        unlock.setId("unlock-button");
        unlock.addClickListener(click -> {
            var me = ConsoleSession.identity().orElseThrow();
            boolean lifted = lockouts.unlock(ConsoleSession.caller(), me.tenantName(), user.username());
            Notification.show(
                    lifted ? "Lockout of " + user.username() + " lifted" : user.username() + " is not locked");
        });
        setAlignItems(Alignment.BASELINE);
        add(selected, roles, saveRoles, toggle, unlock);
        select(null);
    }

    void select(UserView user) {
        this.user = user;
        boolean any = user != null;
        errors.clear();
        selected.setText(any ? user.username() : "Select a user to change it.");
        roles.setEnabled(any);
        saveRoles.setEnabled(any);
        toggle.setEnabled(any);
        unlock.setEnabled(any);
        if (any) {
            roles.setValue(user.roles());
            toggle.setText(user.enabled() ? "Disable" : "Enable");
        } else {
            roles.clear();
        }
    }

    private void apply(Supplier<UserView> change) {
        try {
            var updated = change.get();
            Notification.show("Saved " + updated.username());
            changed.run();
            select(updated);
        } catch (Refusal refused) {
            errors.show(refused);
        }
    }
}
