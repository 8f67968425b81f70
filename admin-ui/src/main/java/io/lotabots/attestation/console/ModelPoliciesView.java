package io.lotabots.attestation.console;

import static io.lotabots.attestation.console.PolicyDetail.line;
import static io.lotabots.attestation.console.PolicyDetail.pre;
import static io.lotabots.attestation.console.PolicyDetail.yes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.attestation.model.boundary.ModelPolicies;
import io.lotabots.attestation.model.boundary.ModelPolicyView;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.ByteSizes;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The tenant's model policies like its hardware ones: latest versions, any version in full, and for
 * administrators new policies and versions (trusted signing keys and CAs, whether a signature is required
 * and whether {@code suspicious} passes, allowed formats, maximum size).
 */
@Route(value = "model-policies", layout = MainLayout.class)
@PageTitle("Model policies — LotaBots")
@Menu(title = "Model policies", order = 7, icon = "vaadin:file-text")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class ModelPoliciesView extends PolicyList<ModelPolicyView> {

    @Inject
    public ModelPoliciesView(ModelPolicies policies) {
        super(
                PolicyBook.model(policies),
                "model-policy",
                "model-policies",
                "Model policies",
                (base, saved) -> new ModelPolicyForm(policies, base, saved),
                ModelPoliciesView::body);
    }

    @Override
    void columns(Grid<ModelPolicyView> grid) {
        grid.addColumn(p -> yes(p.signatureRequired())).setHeader("Signature required");
        grid.addColumn(p -> yes(p.suspiciousPasses())).setHeader("Suspicious passes");
        grid.addColumn(ModelPoliciesView::formats).setHeader("Formats").setAutoWidth(true);
        grid.addColumn(ModelPoliciesView::maxSize).setHeader("Max size").setAutoWidth(true);
        grid.addColumn(p -> p.trustedKeys().size() + " / " + p.trustedCas().size())
                .setHeader("Keys / CAs");
        grid.addColumn(ModelPolicyView::createdAt)
                .setHeader("Latest written (UTC)")
                .setAutoWidth(true);
    }

    static String formats(ModelPolicyView policy) {
        return policy.allowedFormats().isEmpty() ? "every format" : String.join(", ", policy.allowedFormats());
    }

    static String maxSize(ModelPolicyView policy) {
        return policy.maxSizeBytes() == null ? "no limit" : ByteSizes.of(policy.maxSizeBytes());
    }

    private static List<Component> body(ModelPolicyView policy) {
        return List.of(
                line(
                        "model-policy-detail-flags",
                        "Signature required: " + yes(policy.signatureRequired()) + "; suspicious passes: "
                                + yes(policy.suspiciousPasses())),
                line("model-policy-detail-formats", "Allowed formats: " + formats(policy)),
                line("model-policy-detail-max-size", "Maximum size: " + maxSize(policy)),
                line("model-policy-detail-author", "Written by " + policy.createdBy() + " at " + policy.createdAt()),
                new H4("Trusted signing keys (" + policy.trustedKeys().size() + ")"),
                pre("model-policy-detail-keys", String.join("", policy.trustedKeys())),
                new H4("Trusted CAs (" + policy.trustedCas().size() + ")"),
                pre("model-policy-detail-cas", String.join("", policy.trustedCas())));
    }
}
