package io.lotabots.platform.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.lotabots.attestation.console.AttestationsView;
import io.lotabots.attestation.console.DevicesView;
import io.lotabots.attestation.console.PoliciesView;
import io.lotabots.audit.console.AuditTrailView;
import io.lotabots.identity.boundary.Logins;
import io.lotabots.identity.console.UsersView;
import io.lotabots.platform.console.security.ConsoleSession;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;

/** The console frame: product name, the signed-in user with a logout button, and the views their roles admit. */
public class MainLayout extends AppLayout {

    private final Logins logins;

    @Inject
    public MainLayout(Logins logins) {
        this.logins = logins;
        H1 title = new H1("LotaBots");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        title.setId("product-name");
        Span user = new Span(ConsoleSession.identity().map(i -> i.username()).orElse(""));
        user.setId("console-user");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout account = new HorizontalLayout(user, logout);
        account.setAlignItems(HorizontalLayout.Alignment.CENTER);
        account.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Margin.Right.MEDIUM);
        addToNavbar(new DrawerToggle(), title, account);
        addToDrawer(new Scroller(navigation()));
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("console-nav");
        nav.addItem(new SideNavItem("Dependencies", DependencyStatusView.class, VaadinIcon.CONNECT.create()));
        if (ConsoleSession.mayOpen(UsersView.class)) {
            SideNavItem users = new SideNavItem("Users & roles", UsersView.class, VaadinIcon.USERS.create());
            users.setId("nav-users");
            nav.addItem(users);
        }
        if (ConsoleSession.mayOpen(AuditTrailView.class)) {
            SideNavItem audit = new SideNavItem("Audit trail", AuditTrailView.class, VaadinIcon.RECORDS.create());
            audit.setId("nav-audit");
            nav.addItem(audit);
        }
        if (ConsoleSession.mayOpen(AttestationsView.class)) {
            SideNavItem attestations =
                    new SideNavItem("Attestations", AttestationsView.class, VaadinIcon.SHIELD.create());
            attestations.setId("nav-attestations");
            nav.addItem(attestations);
        }
        if (ConsoleSession.mayOpen(PoliciesView.class)) {
            SideNavItem policies = new SideNavItem("Policies", PoliciesView.class, VaadinIcon.FILE_TEXT_O.create());
            policies.setId("nav-policies");
            nav.addItem(policies);
        }
        if (ConsoleSession.mayOpen(DevicesView.class)) {
            SideNavItem devices = new SideNavItem("Devices", DevicesView.class, VaadinIcon.SERVER.create());
            devices.setId("nav-devices");
            nav.addItem(devices);
        }
        return nav;
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
