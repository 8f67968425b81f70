package io.lotabots.identity.boundary;

import io.lotabots.identity.entity.AuthSession;
import io.lotabots.identity.tokens.SessionRevocations;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Ends every live session of a user, an API key or a whole tenant: the rows are marked revoked in the caller's
 * transaction and the session ids go to Redis, so every server refuses their tokens at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SessionTermination {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    SessionRevocations revocations;

    @Inject
    Clock clock;

    public int endSessionsOfUser(UUID userId, String reason) {
        return end("userId", userId, reason);
    }

    public int endSessionsOfApiKey(UUID apiKeyId, String reason) {
        return end("apiKeyId", apiKeyId, reason);
    }

    /** Every live session of the tenant, its users' and its API keys' alike (the tenant is suspended). */
    public int endSessionsOfTenant(UUID tenantId, String reason) {
        return end("tenantId", tenantId, reason);
    }

    private int end(String owner, UUID ownerId, String reason) {
        var now = clock.instant();
        List<AuthSession> live = em.createQuery(
                        "select s from AuthSession s where s." + owner + " = :owner"
                                + " and s.revokedAt is null and s.expiresAt > :now",
                        AuthSession.class)
                .setParameter("owner", ownerId)
                .setParameter("now", now)
                .getResultList();
        for (var session : live) {
            session.revoke(now, reason);
            revocations.revoke(session.id());
        }
        return live.size();
    }
}
