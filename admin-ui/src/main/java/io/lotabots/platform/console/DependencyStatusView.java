package io.lotabots.platform.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.health.boundary.DependencyHealth;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The administrators' view of PostgreSQL, Redis, S3 and messaging, probed on demand (the landing page
 * is the {@code OverviewView}).
 */
@Route(value = "dependencies", layout = MainLayout.class)
@PageTitle("Dependencies — LotaBots")
@Menu(title = "Dependencies", order = 9, icon = "vaadin:connect")
@ConsoleRole(Role.ADMIN)
public class DependencyStatusView extends VerticalLayout {

    private static final Logger LOG = Logger.getLogger(DependencyStatusView.class.getName());

    private final DependencyHealth health;
    private final DependencyGrid grid = new DependencyGrid();
    private final Div error = new Div();

    @Inject
    public DependencyStatusView(DependencyHealth health) {
        this.health = health;
        setId("dependency-status-view");
        error.setId("dependency-error");
        error.getElement().getThemeList().add("badge error");
        error.setVisible(false);
        add(header(), error, grid);
        refresh();
    }

    private HorizontalLayout header() {
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId("refresh-button");
        refresh.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        refresh.setDisableOnClick(true);
        refresh.addClickListener(click -> refresh.setEnabled(true));
        HorizontalLayout header = new HorizontalLayout(new H2("Dependencies"), refresh);
        header.setWidthFull();
        header.setAlignItems(Alignment.BASELINE);
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        return header;
    }

    private void refresh() {
        try {
            grid.setItems(health.checkAll());
            error.setVisible(false);
        } catch (RuntimeException e) {
            // the EJB container wraps failures; the officer gets a sentence, the log gets the cause
            LOG.log(Level.WARNING, "Dependency check failed", e);
            grid.setItems(List.of()); // stale rows would claim an UP that nobody checked
            error.setText("The dependency check itself failed; the server log has the cause.");
            error.setVisible(true);
        }
    }
}
