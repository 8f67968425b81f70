package io.lotabots.platform.encryption;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.redisson.api.RTopic;
import org.redisson.api.listener.StatusListener;

/**
 * The cluster's Redis pub/sub channel for {@link KeyEviction}s. Subscribing is retried by the caller until
 * it succeeds; Redisson resubscribes by itself after a reconnection, and every (re)subscription runs {@code
 * subscribed}, so a server that may have missed messages while cut off drops its whole cache.
 */
final class EvictionTopic {

    private final Supplier<RTopic> topic;
    private final Consumer<KeyEviction> handler;
    private final Runnable subscribed;
    private volatile boolean listening;

    EvictionTopic(Supplier<RTopic> topic, Consumer<KeyEviction> handler, Runnable subscribed) {
        this.topic = topic;
        this.handler = handler;
        this.subscribed = subscribed;
    }

    /** Subscribes unless already done; a Redis failure propagates and the next call tries again. */
    synchronized void listen() {
        if (listening) {
            return;
        }
        RTopic t = topic.get();
        t.addListener(new StatusListener() {
            @Override
            public void onSubscribe(String channel) {
                subscribed.run();
            }

            @Override
            public void onUnsubscribe(String channel) {
                // nothing held depends on the subscription itself
            }
        });
        t.addListener(
                String.class, (channel, message) -> KeyEviction.parse(message).ifPresent(handler));
        listening = true;
    }

    boolean listening() {
        return listening;
    }

    /** Tells every subscribed server, this one included; returns how many received it. */
    long publish(KeyEviction eviction) {
        return topic.get().publish(eviction.message());
    }
}
