package io.lotabots.retention.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.retention.boundary.LegalHoldView;
import io.lotabots.retention.boundary.LegalHolds;

/** Releasing a hold asks why; the release is audited as the signed-in officer's. */
class ReleaseHoldDialog extends Dialog {

    ReleaseHoldDialog(LegalHolds holds, LegalHoldView hold, Runnable released) {
        setHeaderTitle("Release the hold on " + RetentionHoldsView.covers(hold));
        setId("release-hold-dialog");
        TextField reason = new TextField("Why the hold ends");
        reason.setId("release-reason");
        reason.setWidthFull();
        var errors = new FieldErrors(reason).on("reason", reason);
        Button confirm = new Button("Release", click -> {
            try {
                holds.release(ConsoleSession.caller(), hold.id(), reason.getValue());
                Notification.show("Hold released; what it kept is purged once past its period.");
                close();
                released.run();
            } catch (Refusal refused) {
                errors.show(refused);
            }
        });
        confirm.setId("release-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        add(reason);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
    }
}
