package io.lotabots.platform.console.security;

import io.lotabots.identity.boundary.ConsoleIdentity;
import jakarta.security.enterprise.CallerPrincipal;

/** The caller principal of a console session, carrying the identity the boundaries need. */
public class ConsolePrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final ConsoleIdentity identity;

    public ConsolePrincipal(ConsoleIdentity identity) {
        super(identity.username());
        this.identity = identity;
    }

    public ConsoleIdentity identity() {
        return identity;
    }
}
