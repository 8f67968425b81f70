package io.lotabots.platform.encryption;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Subscribes this server to other servers' key evictions soon after start, and again while Redis is away;
 * a non-persistent timer, because every server of the cluster must listen.
 */
@Singleton
@Startup
public class KeyEvictionListener {

    @Inject
    KeyEvictions evictions;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void listen() {
        evictions.listen();
    }
}
