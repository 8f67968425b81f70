package io.lotabots.identity.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.identity.boundary.IdentityRefusal;
import io.lotabots.identity.boundary.UserDirectory;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.security.ConsoleSession;
import java.util.Set;

/** Creates a user of the administrator's tenant; the password policy is the boundary's. */
class CreateUserForm extends HorizontalLayout {

    CreateUserForm(UserDirectory directory, Runnable created) {
        var username = new TextField("New username");
        username.setId("new-user-name");
        var password = new PasswordField("Initial password");
        password.setId("new-user-password");
        var roles = RoleChoice.of("Roles", "new-user-roles");
        Button create = new Button("Create user", click -> {
            try {
                Set<Role> chosen = roles.getValue();
                var user = directory.create(
                        ConsoleSession.caller(),
                        username.getValue().trim(),
                        password.getValue().toCharArray(),
                        chosen);
                Notification.show("Created " + user.username());
                username.clear();
                password.clear();
                roles.clear();
                created.run();
            } catch (IdentityRefusal refused) {
                Notification.show(refused.getMessage());
            }
        });
        create.setId("create-user-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        add(username, password, roles, create);
    }
}
