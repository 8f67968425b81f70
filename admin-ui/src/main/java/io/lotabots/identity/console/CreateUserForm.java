package io.lotabots.identity.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.identity.boundary.IdentityRefusals;
import io.lotabots.identity.boundary.UserDirectory;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;

/**
 * Creates a user of the administrator's tenant. The rules (a valid username, at least one role, the
 * password policy) are the boundary's, as for the API; what it refuses is shown on the fields.
 */
class CreateUserForm extends HorizontalLayout {

    CreateUserForm(UserDirectory directory, Runnable created) {
        var username = new TextField("New username");
        username.setId("new-user-name");
        var password = new PasswordField("Initial password");
        password.setId("new-user-password");
        var roles = RoleChoice.of("Roles", "new-user-roles");
        var errors = new FieldErrors(username)
                .on("username", username)
                .on("password", password)
                .on("roles", roles);
        Button create = new Button("Create user", click -> {
            try {
                var user = directory.create(
                        ConsoleSession.caller(),
                        username.getValue().trim(),
                        password.getValue().toCharArray(),
                        roles.getValue());
                errors.clear();
                Notification.show("Created " + user.username());
                username.clear();
                password.clear();
                roles.clear();
                created.run();
            } catch (Refusal refused) {
                if (IdentityRefusals.USERNAME_TAKEN.equals(refused.slug())) {
                    errors.show("username", "is taken in this tenant");
                } else {
                    errors.show(refused);
                }
            }
        });
        create.setId("create-user-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        add(username, password, roles, create);
    }
}
