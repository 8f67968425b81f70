package io.lotabots.platform.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The source address of a request, for rate limits and login counters: the TCP peer, or the client
 * named in X-Forwarded-For when the peer is one of {@code lotabots.http.trusted-proxies} (addresses
 * or CIDR ranges; none by default, so a client cannot pick its own address).
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "lotabots.http.trusted-proxies")
    Optional<List<String>> trustedProxies;

    private ForwardedFor forwardedFor;

    @PostConstruct
    void init() {
        forwardedFor = new ForwardedFor(trustedProxies.orElse(List.of()));
    }

    public String of(HttpServletRequest request) {
        var headers = request.getHeaders("X-Forwarded-For");
        String chain = headers == null ? null : String.join(",", Collections.list(headers));
        return forwardedFor.clientOf(request.getRemoteAddr(), chain);
    }
}
