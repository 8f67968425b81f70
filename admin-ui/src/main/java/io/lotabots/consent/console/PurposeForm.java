package io.lotabots.consent.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.consent.boundary.ConsentPurposes;
import io.lotabots.consent.boundary.PurposeDraft;
import io.lotabots.consent.boundary.PurposeView;
import io.lotabots.consent.entity.LegalBasis;
import io.lotabots.consent.entity.ProcessingActivity;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.Arrays;
import java.util.function.Consumer;

/** A new purpose with its first policy text, through the same boundary and audit as the API. */
class PurposeForm extends Details {

    PurposeForm(ConsentPurposes purposes, Consumer<PurposeView> created) {
        super("New purpose");
        setId("purpose-form");
        TextField code = new TextField("Code");
        code.setId("purpose-code");
        TextField name = new TextField("Name");
        name.setId("purpose-name");
        TextArea description = new TextArea("Description");
        description.setId("purpose-description");
        ComboBox<LegalBasis> basis = new ComboBox<>("Legal basis", LegalBasis.values());
        basis.setId("purpose-basis");
        MultiSelectComboBox<ProcessingActivity> requiredFor =
                new MultiSelectComboBox<>("Required for", ProcessingActivity.values());
        requiredFor.setId("purpose-required-for");
        TextArea policy = new TextArea("Policy text");
        policy.setId("purpose-policy");
        TextField url = new TextField("Policy URL (optional)");
        url.setId("purpose-url");
        var errors = new FieldErrors(code)
                .on("code", code)
                .on("name", name)
                .on("description", description)
                .on("legalBasis", basis)
                .on("requiredFor", requiredFor)
                .on("policyText", policy)
                .on("policyUrl", url);
        Button save = new Button("Add purpose", click -> {
            try {
                var view = purposes.create(
                        ConsoleSession.caller(),
                        new PurposeDraft(
                                code.getValue(),
                                name.getValue(),
                                description.getValue(),
                                basis.getValue() == null
                                        ? null
                                        : basis.getValue().name(),
                                requiredFor.getValue().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList(),
                                policy.getValue(),
                                url.getValue().isBlank() ? null : url.getValue().strip()));
                errors.clear();
                Notification.show("Purpose " + view.code() + " added.");
                Arrays.asList(code, name, description, policy, url).forEach(f -> f.clear());
                basis.clear();
                requiredFor.clear();
                created.accept(view);
            } catch (Refusal refused) {
                errors.show(refused);
            }
        });
        save.setId("purpose-save");
        var form = new FormLayout(code, name, basis, requiredFor, description, policy, url, save);
        add(form);
    }
}
