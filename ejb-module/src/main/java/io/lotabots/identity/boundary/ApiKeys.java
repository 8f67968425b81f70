package io.lotabots.identity.boundary;

import io.lotabots.identity.control.ApiKeySecret;
import io.lotabots.identity.control.IdentityInput;
import io.lotabots.identity.entity.ApiKey;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.TimeIdCursor;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** API keys for bots: issued with their secret shown once, listed without it, revoked with their sessions. */
@Stateless
public class ApiKeys {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    SessionTermination sessions;

    @Inject
    Clock clock;

    @Inject
    IdentityChangeAudit changes;

    @Inject
    @ConfigProperty(name = "lotabots.identity.api-key.default-lifetime", defaultValue = "P90D")
    Duration defaultLifetime;

    /**
     * {@code expiresAt} null gives the configured default lifetime. Refused with every invalid field
     * named ({@link IdentityRefusals#refuseUnlessEmpty}): a name, at least one role, an expiry in the future.
     */
    public IssuedApiKey issue(Caller caller, String name, Set<Role> roles, Instant expiresAt) {
        var now = clock.instant();
        IdentityRefusals.refuseUnlessEmpty(IdentityInput.newApiKey(name, roles, expiresAt, now), List.of());
        var secret = ApiKeySecret.generate();
        var key = new ApiKey(
                UUID.randomUUID(),
                caller.tenantId(),
                name,
                secret.displayPrefix(),
                secret.hash(),
                roles,
                expiresAt == null ? now.plus(defaultLifetime) : expiresAt,
                caller.subjectId(),
                now);
        em.persist(key);
        var view = ApiKeyView.of(key);
        changes.apiKeyIssued(caller, view);
        return new IssuedApiKey(view, secret.value());
    }

    /** Keys in the order they were created; {@code cursor} null for the first page. */
    public Page<ApiKeyView> page(Caller caller, String cursor, int limit) {
        var after = TimeIdCursor.of(cursor);
        var rows = em.createNamedQuery(ApiKey.PAGE_OF_TENANT, ApiKey.class)
                .setParameter("tenantId", caller.tenantId())
                .setParameter("afterTime", after.time())
                .setParameter("afterId", after.id())
                .setMaxResults(limit + 1)
                .getResultList();
        return Page.of(rows, limit, ApiKeyView::of, k -> new TimeIdCursor(k.createdAt(), k.id()).encode());
    }

    public ApiKeyView find(Caller caller, UUID id) {
        return ApiKeyView.of(confined(caller, id, em.find(ApiKey.class, id)));
    }

    /** Revokes the key and ends every session opened with it; revoking a revoked key changes nothing. */
    public void revoke(Caller caller, UUID id) {
        var key = confined(caller, id, em.find(ApiKey.class, id, LockModeType.PESSIMISTIC_WRITE));
        key.revoke(clock.instant());
        sessions.endSessionsOfApiKey(key.id(), "api-key-revoked");
        changes.apiKeyRevoked(caller, key.id());
    }

    private static ApiKey confined(Caller caller, UUID id, ApiKey key) {
        if (key == null || !key.tenantId().equals(caller.tenantId())) {
            throw Refusal.notFound("No API key " + id + ".");
        }
        return key;
    }
}
