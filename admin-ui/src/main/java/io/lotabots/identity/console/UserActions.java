package io.lotabots.identity.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.lotabots.identity.boundary.IdentityRefusal;
import io.lotabots.identity.boundary.Lockouts;
import io.lotabots.identity.boundary.UserAccess;
import io.lotabots.identity.boundary.UserView;
import io.lotabots.platform.console.security.ConsoleSession;
import java.util.function.Supplier;

/** What an administrator can do to the selected user; each change carries the version it was based on. */
class UserActions extends HorizontalLayout {

    private final UserAccess access;
    private final Runnable changed;
    private final Span selected = new Span("Select a user to change it.");
    private final com.vaadin.flow.component.combobox.MultiSelectComboBox<io.lotabots.identity.entity.Role> roles =
            RoleChoice.of("Roles of the selected user", "selected-user-roles");
    private final Button saveRoles = new Button("Save roles");
    private final Button toggle = new Button("Disable");
    private final Button unlock = new Button("Unlock");
    private UserView user;

    UserActions(UserAccess access, Lockouts lockouts, Runnable changed) {
        this.access = access;
        this.changed = changed;
        selected.setId("selected-user");
        saveRoles.setId("save-roles-button");
        toggle.setId("toggle-enabled-button");
        saveRoles.addClickListener(click ->
                apply(() -> access.assignRoles(ConsoleSession.caller(), user.id(), user.version(), roles.getValue())));
        toggle.addClickListener(click -> apply(() -> user.enabled()
                ? access.disable(ConsoleSession.caller(), user.id(), user.version())
                : access.enable(ConsoleSession.caller(), user.id(), user.version())));
        unlock.setId("unlock-button");
        unlock.addClickListener(click -> {
            var me = ConsoleSession.identity().orElseThrow();
            boolean lifted = lockouts.unlock(
                    me.tenantId(), me.tenantName(), user.username(), me.userId().toString());
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
        } catch (IdentityRefusal refused) {
            Notification.show(refused.getMessage());
        }
    }
}
