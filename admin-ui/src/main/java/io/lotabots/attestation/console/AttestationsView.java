package io.lotabots.attestation.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.StreamResource;
import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.boundary.Attestations;
import io.lotabots.attestation.boundary.ReviewState;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import jakarta.inject.Inject;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The tenant's attestations as a review queue: newest first, filtered (by review state and policy too),
 * read page by page as the grid scrolls, filters kept in the URL, exported as CSV exactly as filtered.
 */
@Route(value = "attestations", layout = MainLayout.class)
@PageTitle("Attestations — LotaBots")
@Menu(title = "Attestations", order = 3, icon = "vaadin:shield")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class AttestationsView extends VerticalLayout implements BeforeEnterObserver {

    static final String EMPTY = "No attestations match these filters.";

    private final Attestations attestations;
    private final UUID tenantId = ConsoleSession.caller().tenantId();
    private final ComboBox<AttestationType> type = new ComboBox<>("Type");
    private final ComboBox<ReviewState> review = new ComboBox<>("Review", ReviewState.values());
    private final ComboBox<AttestationStatus> status = new ComboBox<>("Status", AttestationStatus.values());
    private final ComboBox<Verdict> verdict = new ComboBox<>("Verdict", Verdict.values());
    private final TextField policy = new TextField("Policy");
    private final TextField device = new TextField("Device id");
    private final DateTimePicker from = new DateTimePicker("Submitted from (UTC)");
    private final DateTimePicker to = new DateTimePicker("Submitted before (UTC)");
    private final Grid<AttestationView> grid = new Grid<>();
    /** What the grid shows; read by the CSV download. */
    private volatile AttestationFilter shown = AttestationFilter.ANY;

    @Inject
    public AttestationsView(Attestations attestations) {
        this.attestations = attestations;
        setId("attestations-view");
        setSizeFull();
        review.setId("attestations-review");
        review.setItemLabelGenerator(AttestationsView::label);
        review.setClearButtonVisible(true);
        status.setId("attestations-status");
        status.setClearButtonVisible(true);
        verdict.setId("attestations-verdict");
        verdict.setClearButtonVisible(true);
        policy.setId("attestations-policy");
        policy.setClearButtonVisible(true);
        device.setId("attestations-device");
        device.setClearButtonVisible(true);
        from.setId("attestations-from");
        to.setId("attestations-to");
        Button search = new Button("Search", click -> submit());
        search.setId("attestations-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor csv = new Anchor(csvResource(), "Export CSV");
        csv.setId("attestations-csv");
        csv.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(review, status, verdict, policy, device, from, to, search, csv);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        configureGrid();
        var types = attestations.types();
        if (types.size() > 1) {
            // with one type there is nothing to choose or tell apart
            type.setId("attestations-type");
            type.setItems(types);
            type.setItemLabelGenerator(AttestationType::label);
            type.setClearButtonVisible(true);
            filters.addComponentAsFirst(type);
            grid.addColumn(a -> a.type().toLowerCase(Locale.ROOT))
                    .setHeader("Type")
                    .setAutoWidth(true);
        }
        add(new H2("Attestations"), filters, grid);
    }

    static String label(ReviewState state) {
        return switch (state) {
            case NOT_REVIEWED -> "Not reviewed";
            case FLAGGED -> "Flagged";
            case ACCEPTED -> "Accepted";
        };
    }

    private void configureGrid() {
        grid.setId("attestations-grid");
        grid.setEmptyStateText(EMPTY);
        grid.addColumn(AttestationView::submittedAt)
                .setHeader("Submitted (UTC)")
                .setAutoWidth(true);
        grid.addComponentColumn(a -> {
                    // ids are time-ordered (UUIDv7): their last 12 characters, the random part, tell rows apart; the
                    // whole id is in the tooltip
                    Span id = new Span(a.id().toString().substring(24));
                    id.getElement().setAttribute("title", a.id().toString());
                    return id;
                })
                .setHeader("Id")
                .setAutoWidth(true);
        grid.addComponentColumn(a -> badge(a.status())).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(a -> badge(a.verdict())).setHeader("Verdict").setAutoWidth(true);
        grid.addColumn(a -> ReasonText.of(a.reasons())).setHeader("Reasons");
        grid.addComponentColumn(a -> a.review() == null
                        ? new Span(a.completedAt() == null ? "" : "not reviewed")
                        : badge(a.review().decision()))
                .setHeader("Review")
                .setAutoWidth(true);
        grid.addColumn(a -> a.policy().name() + " v" + a.policy().version()).setHeader("Policy");
        grid.addColumn(a -> a.deviceId() == null ? "" : a.deviceId().toString().substring(0, 8))
                .setHeader("Device");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                AttestationDetailView.class,
                new RouteParameters("id", click.getItem().id().toString()))));
    }

    private static Span badge(String value) {
        Span badge = new Span(value == null ? "" : value);
        if (value != null) {
            badge.getElement().getThemeList().add(Badges.of(value));
        }
        return badge;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        shown = AttestationFilter.fromParameters(
                event.getLocation().getQueryParameters().getParameters());
        type.setValue(shown.type());
        review.setValue(shown.review());
        status.setValue(shown.status());
        verdict.setValue(shown.verdict());
        policy.setValue(shown.policy() == null ? "" : shown.policy());
        device.setValue(shown.deviceId() == null ? "" : shown.deviceId().toString());
        from.setValue(shown.from());
        to.setValue(shown.to());
        run();
    }

    private void submit() {
        UUID deviceId;
        try {
            deviceId = AttestationFilter.deviceId(device.getValue());
            device.setInvalid(false);
        } catch (IllegalArgumentException notAUuid) {
            device.setErrorMessage("Not a device id (UUID)");
            device.setInvalid(true);
            return;
        }
        shown = new AttestationFilter(
                type.getValue(),
                status.getValue(),
                verdict.getValue(),
                deviceId,
                from.getValue(),
                to.getValue(),
                policy.getValue(),
                review.getValue());
        run();
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location("attestations", QueryParameters.simple(shown.parameters()))));
    }

    private void run() {
        var filter = shown;
        var pages = new CursorPages<AttestationView, String>(cursor -> {
            var page = attestations.list(filter.query(tenantId, cursor));
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
    }

    /** Every attestation the filter matches, page after page as the download is written. */
    private Stream<AttestationView> all(AttestationFilter filter) {
        var pages = new CursorPages<AttestationView, String>(cursor -> {
            var page = attestations.list(filter.query(tenantId, cursor));
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        return Stream.iterate(0, offset -> offset + AttestationFilter.PAGE_SIZE)
                .map(offset -> pages.fetch(offset, AttestationFilter.PAGE_SIZE).toList())
                .takeWhile(page -> !page.isEmpty())
                .flatMap(java.util.List::stream);
    }

    private StreamResource csvResource() {
        var resource = new StreamResource("attestations.csv", (out, session) -> {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            AttestationCsv.write(all(shown), writer);
        });
        resource.setContentType("text/csv; charset=UTF-8");
        return resource;
    }
}
