package io.lotabots.identity.tokens;

import io.lotabots.platform.DependencyUnavailableException;
import io.lotabots.platform.cache.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.redisson.client.RedisException;

/**
 * Revoked session ids, in Redis so every server refuses their tokens at once. An entry lives as long
 * as any access token of the session could.
 */
@ApplicationScoped
public class SessionRevocations {

    private static final String PREFIX = "lotabots:revoked-session:";

    @Inject
    RedisConnection redis;

    @Inject
    TokenSettings settings;

    public void revoke(UUID sessionId) {
        Duration ttl = settings.accessTokenLifetime().plusMinutes(1);
        try {
            redis.client().getBucket(PREFIX + sessionId).set("1", ttl);
        } catch (RedisException e) {
            throw new DependencyUnavailableException(RedisConnection.DEPENDENCY, e);
        }
    }

    public boolean isRevoked(String sessionId) {
        try {
            return redis.client().getBucket(PREFIX + sessionId).isExists();
        } catch (RedisException e) {
            throw new DependencyUnavailableException(RedisConnection.DEPENDENCY, e);
        }
    }
}
