package io.lotabots.attestation.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.boundary.Attestations;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;

/** The tenant's attestations, newest first, filtered and read page by page as the grid scrolls. */
@Route(value = "attestations", layout = MainLayout.class)
@PageTitle("Attestations — LotaBots")
@Menu(title = "Attestations", order = 3, icon = "vaadin:shield")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class AttestationsView extends VerticalLayout {

    private final Attestations attestations;
    private final UUID tenantId = ConsoleSession.caller().tenantId();
    private final ComboBox<AttestationType> type = new ComboBox<>("Type");
    private final ComboBox<AttestationStatus> status = new ComboBox<>("Status", AttestationStatus.values());
    private final ComboBox<Verdict> verdict = new ComboBox<>("Verdict", Verdict.values());
    private final TextField device = new TextField("Device id");
    private final DateTimePicker from = new DateTimePicker("Submitted from (UTC)");
    private final DateTimePicker to = new DateTimePicker("Submitted before (UTC)");
    private final Grid<AttestationView> grid = new Grid<>();

    @Inject
    public AttestationsView(Attestations attestations) {
        this.attestations = attestations;
        setId("attestations-view");
        setSizeFull();
        status.setId("attestations-status");
        verdict.setId("attestations-verdict");
        device.setId("attestations-device");
        device.setClearButtonVisible(true);
        from.setId("attestations-from");
        to.setId("attestations-to");
        Button search = new Button("Search", click -> search());
        search.setId("attestations-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(status, verdict, device, from, to, search);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        configureGrid();
        var types = attestations.types();
        if (types.size() > 1) {
            // with one type there is nothing to choose or tell apart
            type.setId("attestations-type");
            type.setItems(types);
            type.setItemLabelGenerator(AttestationType::label);
            filters.addComponentAsFirst(type);
            grid.addColumn(a -> a.type().toLowerCase(Locale.ROOT))
                    .setHeader("Type")
                    .setAutoWidth(true);
        }
        add(new H2("Attestations"), filters, grid);
        search();
    }

    private void configureGrid() {
        grid.setId("attestations-grid");
        grid.addColumn(AttestationView::submittedAt)
                .setHeader("Submitted (UTC)")
                .setAutoWidth(true);
        grid.addColumn(a -> a.id().toString()).setHeader("Id").setAutoWidth(true);
        grid.addColumn(AttestationView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(a -> a.verdict() == null ? "" : a.verdict())
                .setHeader("Verdict")
                .setAutoWidth(true);
        grid.addColumn(a -> String.join(", ", a.reasons())).setHeader("Reasons");
        grid.addColumn(a -> a.review() == null ? "not reviewed" : a.review().decision())
                .setHeader("Review")
                .setAutoWidth(true);
        grid.addColumn(a -> a.policy().name() + " v" + a.policy().version()).setHeader("Policy");
        grid.addColumn(a -> a.deviceId() == null ? "" : a.deviceId().toString()).setHeader("Device");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                AttestationDetailView.class,
                new RouteParameters("id", click.getItem().id().toString()))));
    }

    private void search() {
        UUID deviceId;
        try {
            deviceId = AttestationFilter.deviceId(device.getValue());
            device.setInvalid(false);
        } catch (IllegalArgumentException notAUuid) {
            device.setErrorMessage("Not a device id (UUID)");
            device.setInvalid(true);
            return;
        }
        var filter = new AttestationFilter(
                type.getValue(), status.getValue(), verdict.getValue(), deviceId, from.getValue(), to.getValue());
        var pages = new CursorPages<AttestationView, String>(cursor -> {
            var page = attestations.list(filter.query(tenantId, cursor));
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
    }
}
