package io.lotabots.identity.boundary;

import io.lotabots.identity.control.SecretTokens;
import io.lotabots.identity.entity.ApiKey;
import io.lotabots.identity.entity.AuthSession;
import io.lotabots.identity.tokens.AccessTokens;
import io.lotabots.identity.tokens.TokenSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * The OAuth 2.0 client-credentials grant for API keys: a key's secret buys one access token (no
 * refresh token) in a session of its own, so revoking the key ends it like a logout.
 */
@Stateless
public class ClientCredentials {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    AccessTokens accessTokens;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    @Inject
    TenantStatus tenants;

    /** {@code clientId} is the key's id when the client sent one; it must then match the secret's key. */
    public TokenGrant exchange(UUID clientId, String secret) {
        var now = clock.instant();
        var key = em.createNamedQuery(ApiKey.BY_HASH, ApiKey.class)
                .setParameter("hash", SecretTokens.sha256Hex(secret))
                .getResultStream()
                .findFirst()
                .filter(k -> clientId == null || clientId.equals(k.id()))
                .filter(k -> k.isUsable(now))
                .filter(k -> !tenants.isSuspended(k.tenantId()))
                .orElseThrow(IdentityRefusals::invalidClient);
        key.used(now);
        var session = AuthSession.forApiKey(
                UUID.randomUUID(), key.tenantId(), key.id(), key.roles(), now, settings.accessTokenLifetime());
        em.persist(session);
        var token = accessTokens.issue(
                key.id().toString(), "api-key:" + key.name(), key.tenantId(), key.roles(), session.id());
        return new TokenGrant(token.value(), token.expiresInSeconds(), null, session.id());
    }
}
