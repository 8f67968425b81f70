package io.lotabots.platform.console.overview;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.attestation.boundary.AttestationStatistics;
import io.lotabots.attestation.boundary.AttestationStats;
import io.lotabots.audit.boundary.AuditVerification;
import io.lotabots.audit.console.ChainStatus;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.keys.KeyAges;
import io.lotabots.subjectrequest.boundary.SubjectRequests;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The landing page of every console user: attestation volume and success rate per type over the last
 * 30 days, the review queue, the audit chain's last checkpoint (and its verification), and how old the
 * signing keys are. The numbers are {@link AttestationStatistics}', as {@code GET /api/v1/attestations/stats}.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview — LotaBots")
@Menu(title = "Overview", order = 0, icon = "vaadin:dashboard")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class OverviewView extends VerticalLayout {

    static final int DAYS = AttestationStatistics.DEFAULT_DAYS;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    public OverviewView(
            AttestationStatistics statistics, AuditVerification verification, KeyAges keys, SubjectRequests requests) {
        setId("overview-view");
        UUID tenantId = ConsoleSession.caller().tenantId();
        AttestationStats stats = statistics.of(tenantId, DAYS);
        add(new H2("Overview"));
        add(new H3("Review queue"), reviewQueue(stats.reviewQueue()));
        add(new H3("Data-subject requests"), subjectRequests(requests.counts(tenantId)));
        add(new H3("Attestations, last " + DAYS + " days"), totals(stats), charts(stats));
        add(new H3("Audit chain"), checkpoint(verification, tenantId), new ChainStatus(verification, tenantId));
        add(new H3("Signing keys"), keyAges(keys));
    }

    private static FlexLayout reviewQueue(AttestationStats.ReviewQueue queue) {
        return tiles(
                tile("overview-not-reviewed", "Not reviewed", Long.toString(queue.notReviewed())),
                tile("overview-flagged", "Flagged", Long.toString(queue.flagged())),
                tile("overview-accepted", "Accepted", Long.toString(queue.accepted())));
    }

    /** Overdue first, then the open states an officer acts on, then the closed ones. */
    private static FlexLayout subjectRequests(SubjectRequests.RequestCounts counts) {
        var row = tiles(tile("overview-dsr-overdue", "Overdue", Long.toString(counts.overdue())));
        counts.byState()
                .forEach((state, count) -> row.add(tile(
                        "overview-dsr-" + state.name().toLowerCase(Locale.ROOT),
                        state.name().charAt(0)
                                + state.name()
                                        .substring(1)
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', ' '),
                        Long.toString(count))));
        return row;
    }

    private static FlexLayout totals(AttestationStats stats) {
        var row = tiles();
        for (var type : stats.types()) {
            String key = type.type().toLowerCase(Locale.ROOT);
            var total = type.total();
            row.add(
                    tile(
                            "overview-" + key + "-submitted",
                            type.type() + " submitted",
                            Long.toString(total.submitted())),
                    tile("overview-" + key + "-verified", type.type() + " verified", Long.toString(total.verified())),
                    tile("overview-" + key + "-rate", type.type() + " success rate", percent(total.successRate())));
        }
        return row;
    }

    private static FlexLayout charts(AttestationStats stats) {
        var volume = new Image(AttestationCharts.volume(stats), volumeText(stats));
        volume.setId("overview-volume-chart");
        var rate = new Image(AttestationCharts.successRate(stats), "Success rate per day and type");
        rate.setId("overview-rate-chart");
        for (Image chart : new Image[] {volume, rate}) {
            chart.setWidth(AttestationCharts.WIDTH + "px");
            chart.getStyle().set("max-width", "100%");
        }
        return tiles(volume, rate);
    }

    private static String volumeText(AttestationStats stats) {
        var text = new StringBuilder("Attestations per day:");
        stats.types().forEach(t -> text.append(' ')
                .append(t.type())
                .append(' ')
                .append(t.total().submitted())
                .append(" in ")
                .append(stats.days())
                .append(" days;"));
        return text.toString();
    }

    private static Div checkpoint(AuditVerification verification, UUID tenantId) {
        var text = verification
                .lastCheckpoint(tenantId)
                .map(c -> "Last signed checkpoint: sequence " + c.sequence() + ", " + UTC.format(c.createdAt()))
                .orElse("No signed checkpoint yet.");
        var line = new Div(text);
        line.setId("overview-checkpoint");
        return line;
    }

    private static FlexLayout keyAges(KeyAges keys) {
        var row = tiles();
        Instant now = Instant.now();
        keys.newestKeys()
                .forEach((name, newest) -> row.add(tile(
                        "overview-key-" + name,
                        name,
                        age(Duration.between(newest, now)) + " (" + UTC.format(newest) + ")")));
        if (row.getComponentCount() == 0) {
            var none = new Span("No key files read yet.");
            none.setId("overview-keys-none");
            row.add(none);
        }
        return row;
    }

    static String age(Duration age) {
        if (age.toDays() >= 1) {
            return age.toDays() + (age.toDays() == 1 ? " day" : " days");
        }
        if (age.toHours() >= 1) {
            return age.toHours() + (age.toHours() == 1 ? " hour" : " hours");
        }
        return Math.max(0, age.toMinutes()) + " min";
    }

    static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    private static FlexLayout tiles(com.vaadin.flow.component.Component... children) {
        var row = new FlexLayout(children);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    /** A labelled number; the value's element has the id, so a test reads exactly the number. */
    private static Div tile(String id, String label, String value) {
        var number = new Span(value);
        number.setId(id);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        var caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var tile = new Div(caption, new Div(number));
        tile.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("min-width", "10em");
        return tile;
    }
}
