package io.lotabots.platform.console;

import com.vaadin.flow.server.auth.DefaultMenuAccessControl;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Vaadin's menu registry asks the CDI instantiator for a {@code MenuAccessControl}, and Vaadin CDI
 * registers none. This is Vaadin's default; which views a user sees is decided by
 * {@link MainLayout} through {@code ConsoleSession.mayOpen}, as for navigation itself.
 */
@ApplicationScoped
public class ConsoleMenuAccess extends DefaultMenuAccessControl {}
