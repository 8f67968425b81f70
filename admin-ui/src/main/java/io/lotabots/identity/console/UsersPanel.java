package io.lotabots.identity.console;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.lotabots.identity.boundary.Lockouts;
import io.lotabots.identity.boundary.UserAccess;
import io.lotabots.identity.boundary.UserDirectory;
import io.lotabots.identity.boundary.UserView;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tenant's users: filter, create, enable or disable, and assign roles to the selected user. */
class UsersPanel extends VerticalLayout {

    /** The console lists one page; a tenant with more users filters by name. */
    private static final int SHOWN = 500;

    private final UserDirectory directory;
    private final UserAccess access;
    private final Grid<UserView> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final UserActions actions;
    private List<UserView> users = new ArrayList<>();

    UsersPanel(UserDirectory directory, UserAccess access, Lockouts lockouts) {
        this.directory = directory;
        this.access = access;
        setPadding(false);
        filter.setId("users-filter");
        filter.setPlaceholder("Filter by username");
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        filter.addValueChangeListener(change -> show());
        grid.setId("users-grid");
        grid.addColumn(UserView::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles");
        grid.addColumn(u -> u.enabled() ? "enabled" : "disabled").setHeader("State");
        grid.addColumn(UserView::lastLoginAt).setHeader("Last login (UTC)");
        grid.setAllRowsVisible(false);
        grid.setHeight("22em");
        actions = new UserActions(access, lockouts, this::reload);
        grid.asSingleSelect().addValueChangeListener(change -> actions.select(change.getValue()));
        add(new CreateUserForm(directory, this::reload), filter, grid, actions);
        reload();
    }

    private void reload() {
        try {
            users = directory.page(ConsoleSession.caller(), null, SHOWN).items();
        } catch (Refusal refused) {
            Notification.show(refused.detail());
        }
        show();
    }

    private void show() {
        String wanted = filter.getValue().trim().toLowerCase(Locale.ROOT);
        grid.setItems(users.stream()
                .filter(u -> u.username().toLowerCase(Locale.ROOT).contains(wanted))
                .toList());
    }
}
