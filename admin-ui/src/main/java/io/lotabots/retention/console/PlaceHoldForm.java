package io.lotabots.retention.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.retention.boundary.HoldDraft;
import io.lotabots.retention.boundary.LegalHoldView;
import io.lotabots.retention.boundary.LegalHolds;
import java.util.List;
import java.util.function.Consumer;

/** An officer places a legal hold; checked and audited as the API's, the problems shown on their fields. */
class PlaceHoldForm extends Details {

    PlaceHoldForm(LegalHolds holds, Consumer<LegalHoldView> placed) {
        super("Place a legal hold");
        setId("place-hold-form");
        ComboBox<String> scope = new ComboBox<>("Scope", List.of("tenant", "subject", "object"));
        scope.setId("hold-scope");
        TextField subject = new TextField("Subject (scope subject)");
        subject.setId("hold-subject");
        ComboBox<String> objectType =
                new ComboBox<>("Object type (scope object)", List.of("document", "model", "attestation"));
        objectType.setId("hold-object-type");
        objectType.setClearButtonVisible(true);
        TextField objectId = new TextField("Object id (scope object)");
        objectId.setId("hold-object-id");
        TextField reason = new TextField("Reason");
        reason.setId("hold-reason");
        var errors = new FieldErrors(reason)
                .on("scope", scope)
                .on("subject", subject)
                .on("objectType", objectType)
                .on("objectId", objectId)
                .on("reason", reason);
        Button save = new Button("Place hold", click -> {
            try {
                var hold = holds.place(
                        ConsoleSession.caller(),
                        new HoldDraft(
                                scope.getValue(),
                                blankToNull(subject.getValue()),
                                objectType.getValue(),
                                blankToNull(objectId.getValue()),
                                reason.getValue()));
                errors.clear();
                Notification.show("Hold placed on " + RetentionHoldsView.covers(hold) + ".");
                reason.clear();
                placed.accept(hold);
            } catch (Refusal refused) {
                errors.show(refused);
            }
        });
        save.setId("hold-save");
        add(new FormLayout(scope, subject, objectType, objectId, reason, save));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
