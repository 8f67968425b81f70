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
import io.lotabots.attestation.hardware.boundary.HardwarePolicies;
import io.lotabots.attestation.hardware.boundary.PolicyView;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The tenant's hardware policies at their latest versions; any version in full. Administrators
 * create policies and write new versions (the API lets operators too, who have no console).
 */
@Route(value = "policies", layout = MainLayout.class)
@PageTitle("Hardware policies — LotaBots")
@Menu(title = "Policies", order = 4, icon = "vaadin:file-text-o")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class PoliciesView extends PolicyList<PolicyView> {

    @Inject
    public PoliciesView(HardwarePolicies policies) {
        super(
                PolicyBook.hardware(policies),
                "policy",
                "policies",
                "Hardware policies",
                (base, saved) -> new PolicyForm(policies, base, saved),
                PoliciesView::body);
    }

    @Override
    void columns(Grid<PolicyView> grid) {
        grid.addColumn(PolicyView::pcrSelection).setHeader("PCR selection").setAutoWidth(true);
        grid.addColumn(p -> p.referenceValues().size()).setHeader("PCRs with reference values");
        grid.addColumn(p -> p.eventLogRequired() ? "yes" : "no").setHeader("Event log");
        grid.addColumn(p -> p.enrolledDeviceRequired() ? "yes" : "no").setHeader("Enrolled device");
        grid.addColumn(p -> p.trustedAkCas().size() + " / " + p.trustedEkCas().size())
                .setHeader("AK / EK CAs");
        grid.addColumn(PolicyView::createdAt).setHeader("Latest written (UTC)").setAutoWidth(true);
    }

    private static List<Component> body(PolicyView policy) {
        return List.of(
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
}
