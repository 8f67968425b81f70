package io.lotabots.attestation.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.attestation.model.boundary.ModelPolicies;
import io.lotabots.attestation.model.boundary.ModelPolicyContent;
import io.lotabots.attestation.model.boundary.ModelPolicyView;
import io.lotabots.attestation.model.policy.ModelPolicyDraft;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Creates a model policy, or writes the next version of one (versions are never changed). Every problem
 * the boundary finds is shown on its field (a bad PEM block as {@code trustedKeys[0]: …}); nothing is
 * written until all are fixed.
 */
class ModelPolicyForm extends Dialog {

    private final ModelPolicies policies;
    private final ModelPolicyView base;
    private final Consumer<ModelPolicyView> saved;
    private final TextField name = new TextField("Name");
    private final TextArea keys = new TextArea("Trusted signing keys (PEM public keys, ECDSA P-256/P-384/P-521)");
    private final TextArea cas = new TextArea("Trusted CA certificates (PEM)");
    private final Checkbox signatureRequired = new Checkbox("A valid signature is required");
    private final Checkbox suspiciousPasses = new Checkbox("Suspicious models pass");
    private final MultiSelectComboBox<String> formats =
            new MultiSelectComboBox<>("Allowed formats (none: every format)");
    private final TextField maxSize = new TextField("Maximum size in bytes (empty: no limit)");
    private final FieldErrors errors = new FieldErrors(keys)
            .on("name", name)
            .on("trustedKeys", keys)
            .on("trustedCas", cas)
            .on("signatureRequired", keys)
            .on("allowedFormats", formats)
            .on("maxSizeBytes", maxSize);

    /** {@code base} is the version to start from when editing; null creates a new policy. */
    ModelPolicyForm(ModelPolicies policies, ModelPolicyView base, Consumer<ModelPolicyView> saved) {
        this.policies = policies;
        this.base = base;
        this.saved = saved;
        setId("model-policy-form");
        setHeaderTitle(
                base == null ? "New model policy" : "New version of " + base.name() + " (now v" + base.version() + ")");
        setWidth("56em");
        name.setId("model-policy-name");
        name.setHelperText("lower-case letters, digits, '.', '_', '-'");
        keys.setId("model-policy-keys");
        cas.setId("model-policy-cas");
        signatureRequired.setId("model-policy-signature-required");
        suspiciousPasses.setId("model-policy-suspicious-passes");
        formats.setId("model-policy-formats");
        formats.setItems(new TreeSet<>(ModelPolicyDraft.FORMATS));
        maxSize.setId("model-policy-max-size");
        if (base != null) {
            name.setValue(base.name());
            name.setReadOnly(true);
            keys.setValue(String.join("", base.trustedKeys()));
            cas.setValue(String.join("", base.trustedCas()));
            signatureRequired.setValue(base.signatureRequired());
            suspiciousPasses.setValue(base.suspiciousPasses());
            formats.setValue(new TreeSet<>(base.allowedFormats()));
            maxSize.setValue(
                    base.maxSizeBytes() == null ? "" : base.maxSizeBytes().toString());
        }
        var form = new FormLayout(name, maxSize, keys, cas, formats, signatureRequired, suspiciousPasses);
        form.setColspan(keys, 2);
        form.setColspan(cas, 2);
        form.setColspan(formats, 2);
        add(form);
        Button save = new Button(base == null ? "Create policy" : "Save new version", click -> save());
        save.setId("model-policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("model-policy-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        errors.clear();
        Long maxSizeBytes;
        try {
            maxSizeBytes = maxSize.getValue().isBlank()
                    ? null
                    : Long.valueOf(maxSize.getValue().strip());
        } catch (NumberFormatException notANumber) {
            errors.show("maxSizeBytes", "must be a positive number of bytes");
            return;
        }
        var content = new ModelPolicyContent(
                pems(keys.getValue()),
                pems(cas.getValue()),
                signatureRequired.getValue(),
                suspiciousPasses.getValue(),
                List.copyOf(formats.getValue()),
                maxSizeBytes);
        var caller = ConsoleSession.caller();
        if (!caller.isAdmin()) {
            Notification.show("Only administrators change policies.");
            return;
        }
        try {
            ModelPolicyView written = base == null
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
