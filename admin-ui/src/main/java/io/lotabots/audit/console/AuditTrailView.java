package io.lotabots.audit.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.lotabots.audit.boundary.AuditEventView;
import io.lotabots.audit.boundary.AuditEvents;
import io.lotabots.audit.boundary.AuditVerification;
import io.lotabots.audit.boundary.EventQuery;
import io.lotabots.audit.entity.Outcome;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import jakarta.inject.Inject;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The tenant's audit trail: filter, read an event's details, verify the chain, export CSV. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit trail — LotaBots")
@Menu(title = "Audit trail", order = 2, icon = "vaadin:records")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class AuditTrailView extends VerticalLayout {

    private final AuditEvents events;
    private final UUID tenantId = ConsoleSession.caller().tenantId();
    private final TextField actor = new TextField("Actor (user id)");
    private final TextField action = new TextField("Action");
    private final ComboBox<Outcome> outcome = new ComboBox<>("Outcome", Outcome.values());
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final Grid<AuditEventView> grid = new Grid<>();
    private volatile AuditFilter filter = new AuditFilter(null, null, null, null, null);

    @Inject
    public AuditTrailView(AuditEvents events, AuditVerification verification) {
        this.events = events;
        setId("audit-view");
        setSizeFull();
        actor.setId("audit-actor");
        action.setId("audit-action");
        action.setPlaceholder("auth.login.*");
        outcome.setId("audit-outcome");
        from.setId("audit-from");
        to.setId("audit-to");
        Button search = new Button("Search", click -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor csv = new Anchor(csvResource(), "Export CSV");
        csv.setId("audit-csv");
        csv.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(actor, action, outcome, from, to, search, csv);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        configureGrid();
        add(new H2("Audit trail"), new ChainStatus(verification, tenantId), filters, grid);
        search();
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addColumn(AuditEventView::occurredAt).setHeader("Occurred (UTC)").setAutoWidth(true);
        grid.addColumn(AuditEventView::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEventView::outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(AuditEventView::actorName).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(e -> e.targetType() == null ? "" : e.targetType() + " " + e.targetId())
                .setHeader("Target");
        grid.addColumn(AuditEventView::sourceIp).setHeader("Source IP");
        grid.addColumn(AuditEventView::sequence).setHeader("Seq.");
        grid.addItemClickListener(click -> new EventDetailDialog(click.getItem()).open());
    }

    private void search() {
        try {
            filter = new AuditFilter(
                    actor.getValue(), action.getValue(), outcome.getValue(), from.getValue(), to.getValue());
            grid.setItems(events.find(filter.query(tenantId, null, EventQuery.MAX_LIMIT))
                    .items());
        } catch (IllegalArgumentException bad) {
            Notification.show(bad.getMessage());
        }
    }

    private StreamResource csvResource() {
        var resource = new StreamResource("audit-trail.csv", this::exportCsv);
        resource.setContentType("text/csv; charset=UTF-8");
        return resource;
    }

    private void exportCsv(java.io.OutputStream out, com.vaadin.flow.server.VaadinSession session)
            throws java.io.IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        AuditCsv.write(new AuditPages(events, filter, tenantId).stream(), writer);
    }
}
