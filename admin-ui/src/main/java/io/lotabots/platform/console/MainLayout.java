package io.lotabots.platform.console;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The console frame: product name in the navbar and a side navigation that lists every view. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("LotaBots");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        title.setId("product-name");
        addToNavbar(new DrawerToggle(), title);
        addToDrawer(new Scroller(navigation()));
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("console-nav");
        nav.addItem(new SideNavItem("Dependencies", DependencyStatusView.class, VaadinIcon.CONNECT.create()));
        return nav;
    }
}
