package io.lotabots.identity.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issuer, audience and lifetimes of tokens and sessions, from configuration. */
@ApplicationScoped
public class TokenSettings {

    @Inject
    @ConfigProperty(name = "lotabots.jwt.issuer", defaultValue = "https://lotabots.local")
    String issuer;

    @Inject
    @ConfigProperty(name = "lotabots.jwt.audience", defaultValue = "lotabots-api")
    String audience;

    @Inject
    @ConfigProperty(name = "lotabots.jwt.access-token-lifetime", defaultValue = "PT5M")
    Duration accessTokenLifetime;

    @Inject
    @ConfigProperty(name = "lotabots.identity.session.idle-timeout", defaultValue = "PT30M")
    Duration sessionIdleTimeout;

    @Inject
    @ConfigProperty(name = "lotabots.identity.session.max-lifetime", defaultValue = "PT12H")
    Duration sessionMaxLifetime;

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    public Duration sessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    public Duration sessionMaxLifetime() {
        return sessionMaxLifetime;
    }
}
