package io.lotabots.attestation.control;

import io.lotabots.platform.cache.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Attestation nonces in Redis, one key per tenant and nonce (the bytes, as lower-case hex, so the
 * comparison is by bytes whatever the client's hex case). The key holds the expiry (Redis's own
 * clock, so servers with drifting clocks agree) and outlives it by the tombstone period; consuming
 * it replaces the value with a marker, so an expired or reused nonce stays distinguishable from one
 * that was never issued. Issue and consume are one script call each.
 */
@ApplicationScoped
public class NonceStore {

    /** ARGV ttl ms, key lifetime ms. Returns the expiry (ms since the epoch), or 0 if the key existed. */
    private static final String ISSUE =
            """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local expires = now + tonumber(ARGV[1])
            if redis.call('SET', KEYS[1], string.format('%.0f', expires), 'PX', ARGV[2], 'NX') then
              return expires
            end
            return 0""";

    /**
     * Returns VALID:&lt;expiry ms&gt;, UNKNOWN, EXPIRED or REUSED; a valid nonce is marked used, keeping its
     * key's lifetime. The expiry goes back to the caller so that it can give the nonce back unchanged.
     */
    private static final String CONSUME =
            """
            local v = redis.call('GET', KEYS[1])
            if not v then return 'UNKNOWN' end
            if v == 'used' then return 'REUSED' end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            if now > tonumber(v) then return 'EXPIRED' end
            redis.call('SET', KEYS[1], 'used', 'KEEPTTL')
            return 'VALID:' .. v""";

    /**
     * ARGV the expiry the consumption returned. Only a key marked used goes back to that expiry; the
     * marker can only be the caller's, since no one else saw VALID. Returns 1 if given back.
     */
    private static final String GIVE_BACK =
            """
            if redis.call('GET', KEYS[1]) ~= 'used' then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
            return 1""";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.nonce.ttl", defaultValue = "PT5M")
    Duration ttl;

    /** How long an expired or used nonce is still told apart from an unknown one. */
    @Inject
    @ConfigProperty(name = "lotabots.attestation.nonce.tombstone", defaultValue = "PT24H")
    Duration tombstone;

    /** Issues {@code size} random bytes for the tenant. */
    public IssuedNonce issue(UUID tenantId, int size) {
        while (true) {
            byte[] value = new byte[size];
            RANDOM.nextBytes(value);
            String key = key(tenantId, value);
            Long expires = redis.call(c -> c.getScript(StringCodec.INSTANCE)
                    .eval(
                            key,
                            RScript.Mode.READ_WRITE,
                            ISSUE,
                            RScript.ReturnType.INTEGER,
                            List.of(key),
                            Long.toString(ttl.toMillis()),
                            Long.toString(ttl.plus(tombstone).toMillis())));
            if (expires != null && expires > 0) {
                return new IssuedNonce(value, Instant.ofEpochMilli(expires));
            }
            // 2^-64 at the smallest size: a collision with a live nonce simply draws again
        }
    }

    /** Consumes the tenant's nonce, atomically: of two submissions with one nonce, exactly one sees VALID. */
    public ConsumedNonce consume(UUID tenantId, byte[] value) {
        String key = key(tenantId, value);
        String answer = redis.call(c -> c.getScript(StringCodec.INSTANCE)
                .eval(key, RScript.Mode.READ_WRITE, CONSUME, RScript.ReturnType.VALUE, List.of(key)));
        return ConsumedNonce.parse(tenantId, value, answer);
    }

    /**
     * Makes a nonce this caller consumed as VALID usable again with its original expiry, for a
     * submission that was certainly not stored; returns whether it was given back.
     */
    public boolean giveBack(ConsumedNonce nonce) {
        if (nonce.status() != NonceConsumption.VALID) {
            return false;
        }
        String key = key(nonce.tenantId(), nonce.value());
        Long restored = redis.call(c -> c.getScript(StringCodec.INSTANCE)
                .eval(
                        key,
                        RScript.Mode.READ_WRITE,
                        GIVE_BACK,
                        RScript.ReturnType.INTEGER,
                        List.of(key),
                        Long.toString(nonce.expiresAtMillis())));
        return restored != null && restored == 1L;
    }

    public Duration ttl() {
        return ttl;
    }

    private String key(UUID tenantId, byte[] value) {
        return redis.key(
                "attestation-nonce", tenantId.toString(), HexFormat.of().formatHex(value));
    }
}
