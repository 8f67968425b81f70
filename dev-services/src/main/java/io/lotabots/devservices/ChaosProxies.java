package io.lotabots.devservices;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a {@link ToggleableTcpProxy} in front of Redis and of S3 and a {@link ChaosControlServer} to switch
 * them, so integration tests can make either disappear without stopping the machine's own services.
 *
 * @param variables the Redis and S3 URLs rewritten to go through the proxies
 * @param controlUrl where the switchboard listens
 */
record ChaosProxies(Map<LibertyVariable, String> variables, URI controlUrl) {

    static ChaosProxies start(ProvisionedService redis, ProvisionedService s3, RunningServices running)
            throws IOException, InterruptedException {
        Map<LibertyVariable, String> variables = new EnumMap<>(LibertyVariable.class);
        Map<String, ToggleableTcpProxy> proxies = new LinkedHashMap<>();
        proxies.put("redis", front("redis", redis, LibertyVariable.REDIS_URL, variables, running));
        proxies.put("s3", front("s3", s3, LibertyVariable.S3_ENDPOINT, variables, running));
        ChaosControlServer control = ChaosControlServer.start(proxies);
        running.add("chaos control", control::close);
        return new ChaosProxies(variables, control.url());
    }

    /** A line for the console; only ports, since an external URL may carry a password. */
    String describe() {
        return "[dev-services] Chaos proxies: Redis via port " + proxyPort(LibertyVariable.REDIS_URL) + ", S3 via port "
                + proxyPort(LibertyVariable.S3_ENDPOINT) + ", switched at " + controlUrl;
    }

    private int proxyPort(LibertyVariable url) {
        return URI.create(variables.get(url)).getPort();
    }

    private static ToggleableTcpProxy front(
            String name,
            ProvisionedService service,
            LibertyVariable url,
            Map<LibertyVariable, String> variables,
            RunningServices running)
            throws IOException {
        URI original = URI.create(service.variables().get(url));
        ToggleableTcpProxy proxy = ToggleableTcpProxy.start(name, upstreamOf(original));
        running.add(name + " chaos proxy", proxy::close);
        variables.put(url, throughProxy(original, proxy.port()).toString());
        return proxy;
    }

    /** Where a redis:// or http:// URL points. TLS URLs cannot be fronted: the certificate would not match. */
    static InetSocketAddress upstreamOf(URI url) {
        int defaultPort =
                switch (String.valueOf(url.getScheme())) {
                    case "redis" -> 6379;
                    case "http" -> 80;
                    default -> throw new IllegalStateException("--chaos-proxies can only front redis:// and http://"
                            + " URLs, not " + url.getScheme() + "://; unset the LOTABOTS_* variable for the tests");
                };
        if (url.getHost() == null) {
            throw new IllegalStateException("--chaos-proxies found no host in a " + url.getScheme() + ":// URL");
        }
        return new InetSocketAddress(url.getHost(), url.getPort() < 0 ? defaultPort : url.getPort());
    }

    /** The same URL, credentials, path and query kept as written, pointing at the proxy instead. */
    static URI throughProxy(URI url, int proxyPort) {
        String userInfo = url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@";
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return URI.create(url.getScheme() + "://" + userInfo + LocalPorts.LOOPBACK + ":" + proxyPort + path + query);
    }
}
