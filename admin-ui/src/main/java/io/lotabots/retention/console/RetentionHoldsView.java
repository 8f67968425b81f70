package io.lotabots.retention.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.retention.boundary.LegalHoldView;
import io.lotabots.retention.boundary.LegalHolds;
import io.lotabots.retention.boundary.PurgeRunView;
import io.lotabots.retention.boundary.RetentionOverview;
import io.lotabots.retention.boundary.RetentionView;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Retention as an officer checks it: the period of each data class, the classes kept for good and why, the
 * latest purge runs with what each removed, and the legal holds; administrators and officers place and release
 * holds (with a reason, audited as theirs), auditors only read.
 */
@Route(value = "retention", layout = MainLayout.class)
@PageTitle("Retention & holds — LotaBots")
@Menu(title = "Retention & holds", order = 3.7, icon = "vaadin:archive")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class RetentionHoldsView extends VerticalLayout {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final RetentionOverview overview;
    private final LegalHolds holds;
    private final UUID tenantId = ConsoleSession.caller().tenantId();
    private final boolean mayChange;
    private final Grid<RetentionView.PeriodView> periods = new Grid<>();
    private final Paragraph kept = new Paragraph();
    private final Grid<PurgeRunView> runs = new Grid<>();
    private final Grid<LegalHoldView> holdGrid = new Grid<>();

    @Inject
    public RetentionHoldsView(RetentionOverview overview, LegalHolds holds) {
        this.overview = overview;
        this.holds = holds;
        setId("retention-view");
        setSizeFull();
        mayChange = ConsoleSession.caller().roles().contains(Role.ADMIN)
                || ConsoleSession.caller().roles().contains(Role.COMPLIANCE_OFFICER);
        configurePeriods();
        configureRuns();
        configureHolds();
        add(new H2("Retention & holds"), new H3("Retention periods"), periods, kept, new H3("Purge runs"), runs);
        add(new H3("Legal holds"));
        if (mayChange) {
            add(new PlaceHoldForm(holds, placed -> refresh()));
        }
        add(holdGrid);
        refresh();
    }

    private void configurePeriods() {
        periods.setId("retention-periods");
        periods.setAllRowsVisible(true);
        periods.addColumn(RetentionView.PeriodView::dataClass)
                .setHeader("Data class")
                .setAutoWidth(true);
        periods.addColumn(p -> p.forever() ? "kept forever" : p.period())
                .setHeader("Kept for")
                .setAutoWidth(true);
        kept.setId("retention-kept");
    }

    private void configureRuns() {
        runs.setId("retention-runs");
        runs.setAllRowsVisible(true);
        runs.addColumn(r -> time(r.startedAt())).setHeader("Run").setAutoWidth(true);
        runs.addColumn(r -> r.purged().getOrDefault("documents", 0))
                .setHeader("Documents purged")
                .setAutoWidth(true);
        runs.addColumn(r -> r.purged().getOrDefault("models", 0))
                .setHeader("Models purged")
                .setAutoWidth(true);
        runs.addColumn(r -> r.purged().getOrDefault("evidence", 0))
                .setHeader("Evidence purged")
                .setAutoWidth(true);
        runs.addColumn(r -> r.purged().getOrDefault("reports", 0))
                .setHeader("Reports purged")
                .setAutoWidth(true);
        runs.addColumn(PurgeRunView::held).setHeader("Kept by a hold").setAutoWidth(true);
        runs.setEmptyStateText("No purge has removed or held anything of this tenant yet.");
    }

    private void configureHolds() {
        holdGrid.setId("legal-holds");
        holdGrid.setAllRowsVisible(true);
        holdGrid.addColumn(h -> h.active() ? "active" : "released")
                .setHeader("State")
                .setAutoWidth(true);
        holdGrid.addColumn(RetentionHoldsView::covers).setHeader("Covers").setAutoWidth(true);
        holdGrid.addColumn(LegalHoldView::reason).setHeader("Reason").setAutoWidth(true);
        holdGrid.addColumn(h -> name(h.placedByName(), h.placedBy()) + ", " + time(h.placedAt()))
                .setHeader("Placed")
                .setAutoWidth(true);
        holdGrid.addColumn(h -> h.active()
                        ? ""
                        : name(h.releasedByName(), h.releasedBy()) + ", " + time(h.releasedAt()) + ": "
                                + h.releaseReason())
                .setHeader("Released")
                .setAutoWidth(true);
        if (mayChange) {
            holdGrid.addComponentColumn(h -> {
                        var release =
                                new Button("Release", click -> new ReleaseHoldDialog(holds, h, this::refresh).open());
                        release.setId("release-" + h.id());
                        release.setVisible(h.active());
                        return release;
                    })
                    .setAutoWidth(true);
        }
        holdGrid.setEmptyStateText("No legal holds: the purge removes whatever is past its period.");
    }

    private void refresh() {
        var view = overview.view(tenantId);
        periods.setItems(view.periods());
        kept.setText(view.kept().stream()
                .map(k -> k.dataClass() + ": " + k.reason())
                .reduce((a, b) -> a + " " + b)
                .orElse(""));
        runs.setItems(view.lastRuns());
        holdGrid.setItems(holds.list(tenantId));
    }

    static String covers(LegalHoldView hold) {
        return switch (hold.scope()) {
            case "tenant" -> "the whole tenant";
            case "subject" -> "subject " + hold.subject();
            default -> hold.objectType() + " " + hold.objectId();
        };
    }

    private static String name(String name, String id) {
        return name == null ? id : name;
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
