package io.lotabots.platform.console.security;

import com.vaadin.flow.server.VaadinSession;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.boundary.ConsoleIdentity;
import io.lotabots.identity.entity.Role;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/** The signed-in console user, kept in the (HTTP-session backed) Vaadin session. */
public final class ConsoleSession {

    /** Who may enter the console at all. */
    public static final Set<Role> CONSOLE_ROLES = Set.of(Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR);

    private ConsoleSession() {}

    public static boolean admits(Set<Role> roles) {
        return !Collections.disjoint(roles, CONSOLE_ROLES);
    }

    public static Optional<ConsoleIdentity> identity() {
        var session = VaadinSession.getCurrent();
        return Optional.ofNullable(session == null ? null : session.getAttribute(ConsoleIdentity.class));
    }

    public static void signedIn(ConsoleIdentity identity) {
        VaadinSession.getCurrent().setAttribute(ConsoleIdentity.class, identity);
    }

    /** The caller the identity boundaries expect; only reachable behind the access check. */
    public static Caller caller() {
        return identity()
                .orElseThrow(() -> new IllegalStateException("not signed in"))
                .caller();
    }

    /** Whether the signed-in user may open a view of this class. */
    public static boolean mayOpen(Class<?> view) {
        var identity = identity();
        if (identity.isEmpty() || !admits(identity.get().roles())) {
            return false;
        }
        ConsoleRole required = view.getAnnotation(ConsoleRole.class);
        return required == null
                || Arrays.stream(required.value()).anyMatch(identity.get().roles()::contains);
    }
}
