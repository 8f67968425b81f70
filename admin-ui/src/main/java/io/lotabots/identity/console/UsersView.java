package io.lotabots.identity.console;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.identity.boundary.ApiKeys;
import io.lotabots.identity.boundary.Lockouts;
import io.lotabots.identity.boundary.UserAccess;
import io.lotabots.identity.boundary.UserDirectory;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import jakarta.inject.Inject;

/** Users & roles of the administrator's tenant, and its API keys. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users & roles — LotaBots")
@Menu(title = "Users & roles", order = 1, icon = "vaadin:users")
@ConsoleRole(Role.ADMIN)
public class UsersView extends VerticalLayout {

    @Inject
    public UsersView(UserDirectory directory, UserAccess access, Lockouts lockouts, ApiKeys apiKeys) {
        setId("users-view");
        add(
                new H2("Users & roles"),
                new UsersPanel(directory, access, lockouts),
                new H3("API keys"),
                new ApiKeysPanel(apiKeys));
    }
}
