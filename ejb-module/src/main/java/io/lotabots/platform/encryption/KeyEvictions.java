package io.lotabots.platform.encryption;

import io.lotabots.platform.cache.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.client.codec.StringCodec;

/**
 * Makes a crypto-shred or a KEK destruction on one server drop the keys every server of the cluster holds
 * in memory, through a Redis pub/sub message naming the tenant or KEK version. A message lost while Redis
 * is away is covered twice: a server drops its whole data-key cache when it (re)subscribes, and cached data
 * keys expire anyway ({@code lotabots.encryption.data-key-cache-seconds}).
 */
@ApplicationScoped
public class KeyEvictions {

    private static final Logger LOG = Logger.getLogger(KeyEvictions.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    DataKeys dataKeys;

    @Inject
    Keks keks;

    private volatile EvictionTopic topic;

    /** Subscribes this server unless it already is; called by {@link KeyEvictionListener} until it succeeds. */
    public void listen() {
        var t = topic();
        if (t.listening()) {
            return;
        }
        try {
            t.listen();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot subscribe to key evictions yet; cached data keys expire meanwhile", e);
        }
    }

    /** Whether this server receives other servers' evictions. */
    public boolean listening() {
        return topic().listening();
    }

    void changed(@Observes KekRotated change) {
        switch (change.change()) {
            case SHREDDED -> publish(KeyEviction.tenant(change.tenantId()));
            case DESTROYED -> publish(KeyEviction.kek(new KekId(change.tenantId(), change.version())));
            case ROTATED -> {
                // a rotation leaves every data key valid: other servers pick the new version up by themselves
            }
        }
    }

    private void publish(KeyEviction eviction) {
        try {
            topic().publish(eviction);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Cannot tell other servers to drop the keys of tenant " + eviction.tenantId()
                            + "; their cached data keys expire within lotabots.encryption.data-key-cache-seconds",
                    e);
        }
    }

    private void apply(KeyEviction eviction) {
        if (eviction.wholeTenant()) {
            dataKeys.forgetTenant(eviction.tenantId());
        } else {
            keks.forgetVersion(new KekId(eviction.tenantId(), eviction.version()));
        }
    }

    private EvictionTopic topic() {
        var t = topic;
        if (t == null) {
            synchronized (this) {
                if (topic == null) {
                    topic = new EvictionTopic(
                            () -> redis.call(
                                    c -> c.getTopic(redis.key("encryption", "key-evictions"), StringCodec.INSTANCE)),
                            this::apply,
                            dataKeys::forgetAll);
                }
                t = topic;
            }
        }
        return t;
    }
}
