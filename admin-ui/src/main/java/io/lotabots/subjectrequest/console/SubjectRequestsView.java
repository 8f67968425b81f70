package io.lotabots.subjectrequest.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.subjectrequest.boundary.RequestFilter;
import io.lotabots.subjectrequest.boundary.SubjectRequestResults;
import io.lotabots.subjectrequest.boundary.SubjectRequestView;
import io.lotabots.subjectrequest.boundary.SubjectRequests;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The officers' queue of data-subject requests: open ones first by due date (overdue ones lead and are marked),
 * filters by state and type; the selected request's clock and progress, approving or rejecting an erasure with a
 * reason, the export download and the erasure certificate. Auditors read.
 */
@Route(value = "privacy-requests", layout = MainLayout.class)
@PageTitle("Data-subject requests — LotaBots")
@Menu(title = "Data-subject requests", order = 3.6, icon = "vaadin:user-check")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class SubjectRequestsView extends VerticalLayout {

    private static final int PAGE = 50;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final SubjectRequests requests;
    private final SubjectRequestResults results;
    private final Caller caller = ConsoleSession.caller();
    private final boolean mayDecide =
            caller.roles().contains(Role.ADMIN) || caller.roles().contains(Role.COMPLIANCE_OFFICER);
    private final ComboBox<String> state = new ComboBox<>(
            "State", List.of("open", "awaiting_approval", "pending", "processing", "completed", "rejected", "failed"));
    private final ComboBox<String> type = new ComboBox<>("Type", List.of("export", "erasure", "rectification"));
    private final Grid<SubjectRequestView> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    @Inject
    public SubjectRequestsView(SubjectRequests requests, SubjectRequestResults results) {
        this.requests = requests;
        this.results = results;
        setId("subject-requests-view");
        setSizeFull();
        state.setId("dsr-state");
        state.setClearButtonVisible(true);
        type.setId("dsr-type");
        type.setClearButtonVisible(true);
        state.addValueChangeListener(change -> refresh());
        type.addValueChangeListener(change -> refresh());
        Button reload = new Button("Refresh", click -> refresh());
        reload.setId("dsr-refresh");
        HorizontalLayout filters = new HorizontalLayout(state, type, reload);
        filters.setAlignItems(Alignment.BASELINE);
        configureGrid();
        detail.setId("dsr-detail");
        detail.setPadding(false);
        add(new H2("Data-subject requests"), filters, grid, detail);
        refresh();
    }

    private void configureGrid() {
        grid.setId("dsr-grid");
        grid.setHeight("360px");
        grid.addColumn(r -> time(r.dueAt()) + (r.overdue() ? " — overdue" : ""))
                .setHeader("Due")
                .setAutoWidth(true);
        grid.addColumn(SubjectRequestView::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(SubjectRequestView::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(SubjectRequestView::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(r -> r.progress() == null ? "" : r.progress())
                .setHeader("Progress")
                .setAutoWidth(true);
        grid.addColumn(r -> r.requestedByName() == null ? r.requestedBy() : r.requestedByName())
                .setHeader("Requested by")
                .setAutoWidth(true);
        grid.setClassNameGenerator(r -> r.overdue() ? "overdue" : null);
        grid.setEmptyStateText("No requests match these filters.");
        grid.addItemClickListener(click -> show(click.getItem()));
    }

    private void refresh() {
        var filter = new RequestFilter(state.getValue(), type.getValue(), null);
        var pages = new CursorPages<SubjectRequestView, String>(cursor -> {
            var page = requests.page(caller.tenantId(), filter, cursor, PAGE);
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
        detail.removeAll();
    }

    private void show(SubjectRequestView chosen) {
        SubjectRequestView r = requests.find(caller, chosen.id());
        detail.removeAll();
        Span summary = new Span(r.type() + " for " + r.subject() + ": " + r.state()
                + (r.progress() == null
                        ? ""
                        : " (" + r.progress() + (r.step() == null ? "" : ", next " + r.step()) + ")")
                + ", due " + time(r.dueAt()) + (r.overdue() ? " — overdue" : "")
                + (r.failureReason() == null ? "" : " — " + r.failureReason()));
        summary.setId("dsr-summary");
        detail.add(new H3("Request " + r.id()), summary);
        if (r.decisionReason() != null) {
            detail.add(new Span("Decided by " + r.decidedByName() + ": " + r.decisionReason()));
        }
        if (mayDecide && "AWAITING_APPROVAL".equals(r.state())) {
            detail.add(decision(r));
        }
        if (r.exportAvailable() && mayDecide) {
            Anchor download = new Anchor(exportResource(r), "Download export");
            download.setId("dsr-export");
            download.getElement().setAttribute("download", true);
            detail.add(download);
        }
        if (r.certificateAvailable()) {
            Pre certificate = new Pre(results.certificate(caller, r.id()));
            certificate.setId("dsr-certificate");
            detail.add(new H3("Erasure certificate"), certificate);
        }
    }

    private VerticalLayout decision(SubjectRequestView r) {
        TextArea reason = new TextArea("Reason");
        reason.setId("dsr-reason");
        reason.setWidth("480px");
        Button approve = new Button("Approve erasure", click -> decide(r, true, reason));
        approve.setId("dsr-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button reject = new Button("Reject", click -> decide(r, false, reason));
        reject.setId("dsr-reject");
        return new VerticalLayout(reason, new HorizontalLayout(approve, reject));
    }

    private void decide(SubjectRequestView r, boolean approve, TextArea reason) {
        try {
            requests.decide(caller, r.id(), approve, reason.getValue());
            refresh();
            show(r);
        } catch (Refusal refused) {
            reason.setErrorMessage(
                    refused.problems().isEmpty()
                            ? refused.detail()
                            : refused.problems().get(0).message());
            reason.setInvalid(true);
        }
    }

    private StreamResource exportResource(SubjectRequestView r) {
        var resource = new StreamResource("export-" + r.id() + ".zip", (out, session) -> {
            try (var in = results.export(caller, r.id(), false).content()) {
                in.transferTo(out);
            }
        });
        resource.setContentType("application/zip");
        return resource;
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
