package io.lotabots.platform.api;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

/**
 * The client's address behind trusted proxies. X-Forwarded-For counts only when the connection comes
 * from a trusted proxy; then the list is read from the right (each proxy appends its own peer) and
 * the first address that is not a trusted proxy is the client. Anything left of it was written by
 * the client and proves nothing.
 */
final class ForwardedFor {

    private final List<IpRange> trustedProxies;

    ForwardedFor(Collection<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .filter(s -> !s.isBlank())
                .map(IpRange::parse)
                .toList();
    }

    /** The client address for a connection from {@code peer} carrying the given X-Forwarded-For (or null). */
    String clientOf(String peer, String forwardedFor) {
        var peerAddress = IpRange.literal(peer);
        if (peerAddress.isEmpty()) {
            return peer;
        }
        InetAddress nearest = peerAddress.get();
        if (!trusted(nearest) || forwardedFor == null || forwardedFor.isBlank()) {
            return nearest.getHostAddress();
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = IpRange.literal(hops[i]);
            if (hop.isEmpty()) {
                break; // malformed: keep the nearest address a trusted proxy vouched for
            }
            nearest = hop.get();
            if (!trusted(nearest)) {
                break;
            }
        }
        return nearest.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
