package io.lotabots.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the current request came from and who sent it, for the events it causes. Filled by each
 * entry point (the REST API's filter; later the console); empty in timers and message listeners.
 * The source address is the client's: the peer's, or the one a trusted proxy names in
 * X-Forwarded-For ({@code lotabots.http.trusted-proxies}).
 */
@RequestScoped
public class AuditContext {

    private String sourceIp;
    private String userAgent;
    private Caller caller;

    /** The authenticated caller: a user or API key id, its display name, its tenant. */
    public record Caller(String actor, String actorName, UUID tenantId) {}

    public void origin(String sourceIp, String userAgent) {
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
    }

    public void authenticated(Caller caller) {
        this.caller = caller;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }
}
