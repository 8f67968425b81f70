package io.lotabots.attestation.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.attestation.hardware.boundary.HardwarePolicies;
import io.lotabots.attestation.hardware.boundary.PolicyContent;
import io.lotabots.attestation.hardware.boundary.PolicyView;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates a policy, or writes the next version of one (versions are never changed). Every problem
 * the boundary finds is shown on its field; nothing is written until all are fixed.
 */
class PolicyForm extends Dialog {

    private final HardwarePolicies policies;
    private final PolicyView base;
    private final Consumer<PolicyView> saved;
    private final TextField name = new TextField("Name");
    private final TextField selection = new TextField("PCR selection");
    private final TextArea referenceValues = new TextArea("Reference values (one PCR a line: sha256:7 = digest, …)");
    private final TextArea akCas = new TextArea("Trusted AK CA certificates (PEM)");
    private final TextArea ekCas = new TextArea("Trusted EK CA certificates (PEM)");
    private final Checkbox eventLogRequired = new Checkbox("Event log required");
    private final Checkbox enrolledDeviceRequired = new Checkbox("Enrolled device required");
    private final FieldErrors errors = new FieldErrors(selection)
            .on("name", name)
            .on("pcrSelection", selection)
            .on("referenceValues", referenceValues)
            .on("trustedAkCas", akCas)
            .on("trustedEkCas", ekCas);

    /** {@code base} is the version to start from when editing; null creates a new policy. */
    PolicyForm(HardwarePolicies policies, PolicyView base, Consumer<PolicyView> saved) {
        this.policies = policies;
        this.base = base;
        this.saved = saved;
        setId("policy-form");
        setHeaderTitle(
                base == null ? "New policy" : "New version of " + base.name() + " (now v" + base.version() + ")");
        setWidth("56em");
        name.setId("policy-name");
        name.setHelperText("lower-case letters, digits, '.', '_', '-'");
        selection.setId("policy-selection");
        selection.setPlaceholder("sha256:0,1,2,3,4,5,6,7");
        referenceValues.setId("policy-reference-values");
        akCas.setId("policy-ak-cas");
        ekCas.setId("policy-ek-cas");
        eventLogRequired.setId("policy-event-log-required");
        enrolledDeviceRequired.setId("policy-enrolled-device-required");
        if (base != null) {
            name.setValue(base.name());
            name.setReadOnly(true);
            selection.setValue(base.pcrSelection());
            referenceValues.setValue(ReferenceValuesText.format(base.referenceValues()));
            akCas.setValue(String.join("", base.trustedAkCas()));
            ekCas.setValue(String.join("", base.trustedEkCas()));
            eventLogRequired.setValue(base.eventLogRequired());
            enrolledDeviceRequired.setValue(base.enrolledDeviceRequired());
        }
        var form = new FormLayout(
                name, selection, referenceValues, akCas, ekCas, eventLogRequired, enrolledDeviceRequired);
        form.setColspan(referenceValues, 2);
        form.setColspan(akCas, 2);
        form.setColspan(ekCas, 2);
        add(form);
        Button save = new Button(base == null ? "Create policy" : "Save new version", click -> save());
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("policy-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        errors.clear();
        Map<String, List<String>> values;
        try {
            values = ReferenceValuesText.parse(referenceValues.getValue());
        } catch (IllegalArgumentException malformed) {
            errors.show("referenceValues", malformed.getMessage());
            return;
        }
        var content = new PolicyContent(
                selection.getValue().strip(),
                values,
                eventLogRequired.getValue(),
                pems(akCas.getValue()),
                pems(ekCas.getValue()),
                enrolledDeviceRequired.getValue());
        var caller = ConsoleSession.caller();
        if (!caller.isAdmin()) {
            Notification.show("Only administrators change policies.");
            return;
        }
        try {
            PolicyView written = base == null
                    ? policies.create(caller, name.getValue().strip(), content)
                    : policies.update(caller, base.name(), (long) base.version(), content);
            Notification.show("Saved " + written.name() + " version " + written.version());
            close();
            saved.accept(written);
        } catch (Refusal refused) {
            errors.show(refused);
        }
    }

    private static List<String> pems(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text);
    }
}
