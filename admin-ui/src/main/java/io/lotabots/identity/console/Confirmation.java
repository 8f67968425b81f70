package io.lotabots.identity.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before an action that takes access away (revoking a key, disabling a user): the action runs
 * only on the confirm button, whose id is {@code id + "-confirm"} (cancel: {@code id + "-cancel"}).
 */
public final class Confirmation {

    private Confirmation() {}

    public static void ask(String id, String header, String text, String confirmText, Runnable action) {
        var dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setText(text);
        var confirm = new Button(confirmText, click -> {
            dialog.close();
            action.run();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(confirm);
        var cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId(id + "-cancel");
        dialog.setCancelable(true);
        dialog.setCancelButton(cancel);
        dialog.open();
    }
}
