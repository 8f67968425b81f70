package io.lotabots.audit.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds correctly sealed chain links for tests, numbered from 1 and chained from genesis. */
final class SealedTrail {

    private SealedTrail() {}

    static List<ChainLink> of(String... events) {
        var links = new ArrayList<ChainLink>();
        var previous = AuditChain.genesis();
        for (int i = 0; i < events.length; i++) {
            var event = events[i].getBytes(StandardCharsets.UTF_8);
            previous = AuditChain.link(previous, event);
            links.add(new ChainLink(i + 1, previous, event));
        }
        return links;
    }

    static List<ChainLink> ofEvents(int count) {
        var events = new String[count];
        for (int i = 0; i < count; i++) {
            events[i] = "{\"action\":\"login\",\"n\":" + (i + 1) + "}";
        }
        return of(events);
    }
}
