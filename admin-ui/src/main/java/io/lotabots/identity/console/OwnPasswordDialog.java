package io.lotabots.identity.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import io.lotabots.identity.boundary.IdentityRefusals;
import io.lotabots.identity.boundary.PasswordChanges;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;

/**
 * The signed-in user changes their own password, through the API's boundary (policy, current-password
 * check counted like a failed login, audit, every session ended); then they sign in again.
 */
public class OwnPasswordDialog extends Dialog {

    public OwnPasswordDialog(PasswordChanges passwords, Runnable signOut) {
        setId("own-password");
        setHeaderTitle("Change your password");
        var current = new PasswordField("Current password");
        current.setId("own-password-current");
        var fresh = new PasswordField("New password");
        fresh.setId("own-password-new");
        var repeated = new PasswordField("New password again");
        repeated.setId("own-password-repeat");
        var errors = new FieldErrors(fresh).on("password", fresh).on("currentPassword", current);
        Button change = new Button("Change password", click -> {
            errors.clear();
            if (!fresh.getValue().equals(repeated.getValue())) {
                repeated.setErrorMessage("does not match the new password");
                repeated.setInvalid(true);
                return;
            }
            repeated.setInvalid(false);
            try {
                passwords.changeOwn(
                        ConsoleSession.caller(),
                        current.getValue().toCharArray(),
                        fresh.getValue().toCharArray());
                close();
                // the change ended every session of the user, this one included
                signOut.run();
            } catch (Refusal refused) {
                if (IdentityRefusals.CURRENT_PASSWORD_MISMATCH.equals(refused.slug())) {
                    errors.show("currentPassword", "is not correct");
                } else {
                    errors.show(refused);
                }
            }
        });
        change.setId("own-password-change");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("own-password-cancel");
        add(new FormLayout(current, fresh, repeated));
        getFooter().add(cancel, change);
    }
}
