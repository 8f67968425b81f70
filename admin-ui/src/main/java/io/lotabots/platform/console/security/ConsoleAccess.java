package io.lotabots.platform.console.security;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import io.lotabots.platform.console.overview.OverviewView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every navigation passes here: without a console session any route shows the login view; a view
 * the user's roles do not admit sends them to the start page with a notice.
 */
@ApplicationScoped
public class ConsoleAccess {

    void guardNavigation(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(ConsoleAccess::check));
    }

    private static void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == LoginView.class) {
            return;
        }
        if (ConsoleSession.identity().isEmpty()) {
            event.forwardTo(LoginView.class);
        } else if (!ConsoleSession.mayOpen(target)) {
            Notification.show("Your roles do not include that page.");
            event.forwardTo(OverviewView.class);
        }
    }
}
