package io.lotabots.identity.tokens;

import io.lotabots.platform.cache.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;

/**
 * Revoked session ids, in Redis so every server refuses their tokens at once. An entry lives as long
 * as any access token of the session could.
 */
@ApplicationScoped
public class SessionRevocations {

    @Inject
    RedisConnection redis;

    @Inject
    TokenSettings settings;

    public void revoke(UUID sessionId) {
        Duration ttl = settings.accessTokenLifetime().plusMinutes(1);
        String key = redis.key("revoked-session", sessionId.toString());
        redis.call(client -> {
            client.getBucket(key).set("1", ttl);
            return null;
        });
    }

    public boolean isRevoked(String sessionId) {
        String key = redis.key("revoked-session", sessionId);
        return redis.call(client -> client.getBucket(key).isExists());
    }
}
