package io.lotabots.platform.console;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import io.lotabots.platform.health.boundary.DependencyStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One row per dependency with an UP/DOWN badge; status, name and checked-at cells carry ids
 * derived from the dependency name (e.g. {@code status-postgresql}) so browser tests can find them.
 */
class DependencyGrid extends Grid<DependencyStatus> {

    // milliseconds, so two checks in the same second still read differently after a refresh
    private static final DateTimeFormatter CHECKED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    DependencyGrid() {
        super(DependencyStatus.class, false);
        setId("dependency-grid");
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        addComponentColumn(s -> cell("name", s, s.name()))
                .setHeader("Dependency")
                .setAutoWidth(true);
        addComponentColumn(DependencyGrid::badge).setHeader("Status").setAutoWidth(true);
        addColumn(DependencyStatus::detail).setHeader("Detail").setFlexGrow(1);
        addColumn(s -> s.latencyMillis() + " ms")
                .setHeader("Latency")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        addComponentColumn(s -> cell("checked-at", s, CHECKED_AT.format(s.checkedAt())))
                .setHeader("Checked at")
                .setAutoWidth(true);
    }

    private static Span badge(DependencyStatus status) {
        Span badge = cell("status", status, status.up() ? "UP" : "DOWN");
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(status.up() ? "success" : "error");
        return badge;
    }

    private static Span cell(String prefix, DependencyStatus status, String text) {
        Span span = new Span(text);
        span.setId(prefix + "-" + slug(status.name()));
        return span;
    }

    /** "PostgreSQL" and "s3 (primary)" become "postgresql" and "s3-primary": safe in an HTML id. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
