package io.lotabots.consent.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.consent.boundary.ConsentChange;
import io.lotabots.consent.boundary.ConsentRecordView;
import io.lotabots.consent.boundary.Consents;
import io.lotabots.consent.entity.ConsentSource;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** An officer records a grant or withdrawal collected elsewhere; it gets a receipt and is audited like the API's. */
class RecordConsentForm extends Details {

    private static final String GRANT = "Grant";
    private static final String WITHDRAW = "Withdraw";

    RecordConsentForm(Consents consents, Supplier<List<String>> purposeCodes, Consumer<ConsentRecordView> recorded) {
        super("Record a consent");
        setId("record-consent-form");
        TextField subject = new TextField("Subject");
        subject.setId("record-subject");
        ComboBox<String> purpose = new ComboBox<>("Purpose");
        purpose.setId("record-purpose");
        purpose.setItems(
                query -> purposeCodes.get().stream().skip(query.getOffset()).limit(query.getLimit()));
        RadioButtonGroup<String> answer = new RadioButtonGroup<>("Answer", GRANT, WITHDRAW);
        answer.setId("record-answer");
        answer.setValue(GRANT);
        var errors = new FieldErrors(subject)
                .on("subject", subject)
                .on("purpose", purpose)
                .on("granted", answer);
        Button save = new Button("Record", click -> {
            try {
                var record = consents.record(
                        ConsoleSession.caller(),
                        new ConsentChange(
                                subject.getValue().strip(), purpose.getValue(), GRANT.equals(answer.getValue()), null),
                        ConsentSource.CONSOLE);
                errors.clear();
                Notification.show(
                        "Recorded: " + record.subject() + " " + record.state() + " " + record.purpose() + ".");
                recorded.accept(record);
            } catch (Refusal refused) {
                errors.show(refused);
            }
        });
        save.setId("record-save");
        add(new FormLayout(subject, purpose, answer, save));
    }
}
