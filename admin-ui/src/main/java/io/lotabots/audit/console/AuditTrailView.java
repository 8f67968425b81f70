package io.lotabots.audit.console;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.lotabots.audit.boundary.AuditEventView;
import io.lotabots.audit.boundary.AuditEvents;
import io.lotabots.audit.boundary.AuditVerification;
import io.lotabots.audit.boundary.EventQuery;
import io.lotabots.audit.entity.Outcome;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.boundary.UserDirectory;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.paging.PageCursor;
import jakarta.inject.Inject;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's audit trail: filters kept in the URL, every matching event paged lazily under its
 * total, an event's details, the chain's verification, and a CSV export of exactly what is shown.
 * Times are shown and entered in the browser's time zone.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit trail — LotaBots")
@Menu(title = "Audit trail", order = 2, icon = "vaadin:records")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class AuditTrailView extends VerticalLayout implements BeforeEnterObserver {

    static final String EMPTY = "No events match these filters.";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final AuditEvents events;
    private final UserDirectory users;
    private final Caller caller = ConsoleSession.caller();
    private final UUID tenantId = caller.tenantId();
    private final TextField actor = new TextField("Actor (username or user id)");
    private final TextField action = new TextField("Action");
    private final ComboBox<Outcome> outcome = new ComboBox<>("Outcome", Outcome.values());
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Span total = new Span();
    private final Grid<AuditEventView> grid = new Grid<>();
    private Grid.Column<AuditEventView> occurred;
    private ZoneId zone = ZoneOffset.UTC;
    private AuditSearch search = AuditSearch.NONE;
    /** What the grid shows; null when the actor names no user, so nothing matches. Read by the CSV download. */
    private volatile AuditFilter shown = AuditFilter.ANY;

    @Inject
    public AuditTrailView(AuditEvents events, AuditVerification verification, UserDirectory users) {
        this.events = events;
        this.users = users;
        setId("audit-view");
        setSizeFull();
        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setPlaceholder("auth.login.*");
        outcome.setId("audit-outcome");
        outcome.setClearButtonVisible(true);
        from.setId("audit-from");
        to.setId("audit-to");
        for (DateTimePicker picker : new DateTimePicker[] {from, to}) {
            picker.setStep(Duration.ofSeconds(1)); // ranges to the second
            // typing a custom range replaces a preset
            picker.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    search = withRange(null, null, null);
                }
            });
        }
        Button run = new Button("Search", click -> submit());
        run.setId("audit-search");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout presets = new HorizontalLayout();
        for (TimePreset preset : TimePreset.values()) {
            Button button = new Button(preset.label(), click -> {
                search = withRange(preset, null, null);
                submit();
            });
            button.setId("audit-range-" + preset.key());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            presets.add(button);
        }
        Anchor csv = new Anchor(csvResource(), "Export CSV");
        csv.setId("audit-csv");
        csv.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(actor, action, outcome, from, to, run, csv);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        total.setId("audit-total");
        configureGrid();
        labelTimes();
        add(new H2("Audit trail"), new ChainStatus(verification, tenantId), filters, presets, total, grid);
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.setEmptyStateText(EMPTY);
        occurred = grid.addColumn(e -> shown(e.occurredAt())).setAutoWidth(true);
        grid.addColumn(AuditEventView::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEventView::outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(AuditEventView::actorName).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(e -> e.targetType() == null ? "" : e.targetType() + " " + e.targetId())
                .setHeader("Target");
        grid.addColumn(AuditEventView::sourceIp).setHeader("Source IP");
        grid.addColumn(AuditEventView::sequence).setHeader("Seq.");
        // a click on a row the grid dropped meanwhile (a new search) names no item: nothing to show
        grid.addItemClickListener(
                click -> Optional.ofNullable(click.getItem()).ifPresent(event -> new EventDetailDialog(event).open()));
    }

    /** The URL's filters (on first visit, reload and a shared link) fill the form and run. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parsed = AuditSearch.fromParameters(
                event.getLocation().getQueryParameters().getParameters());
        if (!parsed.ignored().isEmpty()) {
            Notification.show("Ignored unreadable filter(s) in the address: " + String.join(", ", parsed.ignored()));
        }
        search = parsed.search();
        fillForm();
        run();
    }

    /** The browser's time zone arrives after the first render: times are shown again in it. */
    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().retrieveExtendedClientDetails(details -> {
            try {
                zone = ZoneId.of(details.getTimeZoneId());
            } catch (RuntimeException unknownZone) {
                zone = ZoneOffset.UTC;
            }
            labelTimes();
            // only the times are shown anew: what the user typed meanwhile stays
            fillTimes();
            grid.getDataProvider().refreshAll();
        });
    }

    private void submit() {
        search = new AuditSearch(
                actor.getValue(),
                action.getValue(),
                outcome.getValue(),
                search.preset(),
                search.preset() == null ? instant(from.getValue()) : null,
                search.preset() == null ? instant(to.getValue()) : null);
        if (search.from() != null && search.to() != null && !search.from().isBefore(search.to())) {
            to.setErrorMessage("Must be after From");
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        run();
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location("audit", QueryParameters.simple(search.parameters()))));
    }

    private void run() {
        Instant now = Instant.now();
        var filter = search.resolve(now, username -> users.idOf(caller, username));
        if (search.preset() != null) {
            // a preset shows the window it chose, so the user can narrow it from there
            from.setValue(local(search.preset().start(now)));
            to.clear();
        }
        if (filter.isEmpty()) {
            shown = null;
            grid.setEmptyStateText("No user named \"" + search.actor() + "\" in this tenant.");
            grid.setItems(List.of());
            total.setText("No events");
            return;
        }
        shown = filter.get();
        grid.setEmptyStateText(EMPTY);
        long count = events.count(shown.query(tenantId, null, 1));
        total.setText(
                count == 0 ? "No events" : count == 1 ? "1 event" : String.format(Locale.ROOT, "%,d events", count));
        AuditFilter pageFilter = shown;
        var pages = new CursorPages<AuditEventView, Long>(before -> {
            var page = events.find(pageFilter.query(tenantId, before, EventQuery.MAX_LIMIT));
            return new CursorPages.Page<>(
                    page.items(), page.nextCursor() == null ? null : PageCursor.number(page.nextCursor()));
        });
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()), query ->
                        (int) Math.min(count, Integer.MAX_VALUE))
                // an event the sealer chains between two fetches is still the row that was clicked
                .setIdentifierProvider(AuditEventView::eventId);
    }

    private AuditSearch withRange(TimePreset preset, Instant start, Instant end) {
        return new AuditSearch(search.actor(), search.action(), search.outcome(), preset, start, end);
    }

    private void fillForm() {
        actor.setValue(search.actor() == null ? "" : search.actor());
        action.setValue(search.action() == null ? "" : search.action());
        outcome.setValue(search.outcome());
        fillTimes();
    }

    private void fillTimes() {
        if (search.preset() == null) {
            from.setValue(local(search.from()));
            to.setValue(local(search.to()));
        } else if (shown != null && shown.from() != null) {
            from.setValue(local(shown.from()));
        }
    }

    private void labelTimes() {
        from.setLabel("From (" + zone.getId() + ")");
        to.setLabel("Before (" + zone.getId() + ")");
        occurred.setHeader("Occurred (" + zone.getId() + ")");
    }

    private String shown(Instant time) {
        return time == null ? "" : SHOWN.format(time.atZone(zone));
    }

    private LocalDateTime local(Instant time) {
        return time == null ? null : LocalDateTime.ofInstant(time, zone);
    }

    private Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(zone).toInstant();
    }

    private StreamResource csvResource() {
        var resource = new StreamResource("audit-trail.csv", this::exportCsv);
        resource.setContentType("text/csv; charset=UTF-8");
        return resource;
    }

    private void exportCsv(java.io.OutputStream out, com.vaadin.flow.server.VaadinSession session)
            throws java.io.IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        AuditFilter filter = shown;
        AuditCsv.write(
                filter == null ? java.util.stream.Stream.empty() : new AuditPages(events, filter, tenantId).stream(),
                writer);
    }
}
