package io.lotabots.platform.console.security;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** A console sign-in: tenant, username and password, and the browser's address for lockouts. */
public class ConsoleCredential extends UsernamePasswordCredential {

    private final String tenant;
    private final String sourceAddress;

    public ConsoleCredential(String tenant, String username, char[] password, String sourceAddress) {
        super(username, new Password(password));
        this.tenant = tenant;
        this.sourceAddress = sourceAddress;
    }

    public String tenant() {
        return tenant;
    }

    public String sourceAddress() {
        return sourceAddress;
    }
}
