package io.lotabots.platform.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.lotabots.identity.boundary.Logins;
import io.lotabots.identity.boundary.PasswordChanges;
import io.lotabots.identity.console.OwnPasswordDialog;
import io.lotabots.platform.console.security.ConsoleSession;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;

/** The console frame: product name, the signed-in user with a logout button, and the views their roles admit. */
public class MainLayout extends AppLayout {

    private final Logins logins;

    @Inject
    public MainLayout(Logins logins, PasswordChanges passwords) {
        this.logins = logins;
        H1 title = new H1("LotaBots");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        title.setId("product-name");
        Span user = new Span(ConsoleSession.identity().map(i -> i.username()).orElse(""));
        user.setId("console-user");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button password = new Button(
                "Change password", VaadinIcon.KEY.create(), click -> new OwnPasswordDialog(passwords, this::logout)
                        .open());
        password.setId("own-password-button");
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout account = new HorizontalLayout(user, password, logout);
        account.setAlignItems(HorizontalLayout.Alignment.CENTER);
        account.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Margin.Right.MEDIUM);
        addToNavbar(new DrawerToggle(), title, account);
        addToDrawer(new Scroller(navigation()));
    }

    /** One item per view that declares a {@code @Menu} and that the signed-in user's roles may open, in menu order. */
    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("console-nav");
        MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> ConsoleSession.mayOpen(entry.menuClass()))
                .map(MainLayout::item)
                .forEach(nav::addItem);
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        String[] icon = entry.icon().split(":", 2);
        var item = new SideNavItem(entry.title(), entry.menuClass(), new Icon(icon[0], icon[1]));
        String path = entry.path().replaceAll("^/+|/+$", "");
        item.setId("nav-" + (path.isEmpty() ? "overview" : path));
        return item;
    }

    private void logout() {
        ConsoleSession.identity().ifPresent(identity -> logins.logout(identity.sessionId()));
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        try {
            request.logout();
        } catch (ServletException alreadyGone) {
            // the container's principal is gone either way once the session is invalidated below
        }
        UI.getCurrent().getPage().setLocation(request.getContextPath() + "/login");
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
