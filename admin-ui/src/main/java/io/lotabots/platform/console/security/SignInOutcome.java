package io.lotabots.platform.console.security;

import io.lotabots.identity.boundary.ConsoleIdentity;

/** How a console sign-in ended: admitted (with the identity), wrong credentials, or no console role. */
public record SignInOutcome(ConsoleIdentity identity, boolean lacksConsoleRole) {

    static SignInOutcome admit(ConsoleIdentity identity) {
        return new SignInOutcome(identity, false);
    }

    static SignInOutcome wrongCredentials() {
        return new SignInOutcome(null, false);
    }

    static SignInOutcome refuse() {
        return new SignInOutcome(null, true);
    }

    public boolean admitted() {
        return identity != null;
    }
}
