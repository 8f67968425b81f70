package io.lotabots.attestation.console;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.lotabots.attestation.hardware.boundary.HardwarePolicies;
import io.lotabots.attestation.hardware.boundary.PolicyView;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;

/** One version of a policy in full, with a choice of its other versions. */
class PolicyDetail extends VerticalLayout {

    private final HardwarePolicies policies;
    private final ComboBox<Integer> version = new ComboBox<>("Version");
    private final VerticalLayout content = new VerticalLayout();
    private PolicyView shown;

    PolicyDetail(HardwarePolicies policies) {
        this.policies = policies;
        setId("policy-detail");
        setPadding(false);
        version.setId("policy-version");
        version.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null && shown != null) {
                load(shown.name(), change.getValue());
            }
        });
        content.setPadding(false);
        add(version, content);
        setVisible(false);
    }

    void show(PolicyView policy) {
        shown = policy;
        setVisible(policy != null);
        content.removeAll();
        if (policy == null) {
            return;
        }
        version.setItems(policy.versions());
        version.setValue(policy.version());
        content.add(
                new H3(policy.name() + " — version " + policy.version()),
                line("policy-detail-selection", "PCR selection: " + policy.pcrSelection()),
                line(
                        "policy-detail-flags",
                        "Event log required: " + yes(policy.eventLogRequired()) + "; enrolled device required: "
                                + yes(policy.enrolledDeviceRequired())),
                line("policy-detail-author", "Written by " + policy.createdBy() + " at " + policy.createdAt()),
                new H4("Reference values"),
                pre(
                        "policy-detail-values",
                        policy.referenceValues().isEmpty()
                                ? "none: any PCR value passes"
                                : ReferenceValuesText.format(policy.referenceValues())),
                new H4("Trusted AK CAs (" + policy.trustedAkCas().size() + ")"),
                pre("policy-detail-ak-cas", String.join("", policy.trustedAkCas())),
                new H4("Trusted EK CAs (" + policy.trustedEkCas().size() + ")"),
                pre("policy-detail-ek-cas", String.join("", policy.trustedEkCas())));
    }

    PolicyView shown() {
        return shown;
    }

    private void load(String name, int number) {
        try {
            show(policies.find(ConsoleSession.caller(), name, number));
        } catch (Refusal gone) {
            show(null);
        }
    }

    private static Div line(String id, String text) {
        Div div = new Div(text);
        div.setId(id);
        return div;
    }

    private static Pre pre(String id, String text) {
        Pre pre = new Pre(text);
        pre.setId(id);
        return pre;
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
