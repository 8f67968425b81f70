package io.lotabots.attestation.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.attestation.hardware.boundary.HardwarePolicies;
import io.lotabots.attestation.hardware.boundary.PolicyView;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import jakarta.inject.Inject;

/**
 * The tenant's hardware policies at their latest versions; any version in full. Administrators
 * create policies and write new versions (the API lets operators too, who have no console).
 */
@Route(value = "policies", layout = MainLayout.class)
@PageTitle("Hardware policies — LotaBots")
@Menu(title = "Policies", order = 4, icon = "vaadin:file-text-o")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class PoliciesView extends VerticalLayout {

    private static final int PAGE_SIZE = 50;

    private final HardwarePolicies policies;
    private final Grid<PolicyView> grid = new Grid<>();
    private final PolicyDetail detail;
    private final Button edit = new Button("New version");

    @Inject
    public PoliciesView(HardwarePolicies policies) {
        this.policies = policies;
        this.detail = new PolicyDetail(policies);
        setId("policies-view");
        configureGrid();
        add(new H2("Hardware policies"));
        if (ConsoleSession.caller().isAdmin()) {
            Button create = new Button("New policy", click -> new PolicyForm(policies, null, this::saved).open());
            create.setId("policy-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edit.setId("policy-edit");
            edit.setEnabled(false);
            edit.addClickListener(click -> new PolicyForm(policies, detail.shown(), this::saved).open());
            add(new HorizontalLayout(create, edit));
        }
        add(grid, detail);
        refresh();
    }

    private void configureGrid() {
        grid.setId("policies-grid");
        grid.setHeight("20em");
        grid.addColumn(PolicyView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(PolicyView::version).setHeader("Latest version").setAutoWidth(true);
        grid.addColumn(p -> p.versions().size()).setHeader("Versions").setAutoWidth(true);
        grid.addColumn(PolicyView::pcrSelection).setHeader("PCR selection").setAutoWidth(true);
        grid.addColumn(p -> p.referenceValues().size()).setHeader("PCRs with reference values");
        grid.addColumn(p -> p.eventLogRequired() ? "yes" : "no").setHeader("Event log");
        grid.addColumn(p -> p.enrolledDeviceRequired() ? "yes" : "no").setHeader("Enrolled device");
        grid.addColumn(p -> p.trustedAkCas().size() + " / " + p.trustedEkCas().size())
                .setHeader("AK / EK CAs");
        grid.addColumn(PolicyView::createdAt).setHeader("Latest written (UTC)").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(change -> {
            detail.show(change.getValue());
            edit.setEnabled(change.getValue() != null);
        });
    }

    private void refresh() {
        var caller = ConsoleSession.caller();
        var pages = new CursorPages<PolicyView, String>(cursor -> {
            var page = policies.page(caller, cursor, PAGE_SIZE);
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
    }

    private void saved(PolicyView written) {
        refresh();
        detail.show(written);
        edit.setEnabled(true);
    }
}
