package io.lotabots.devservices;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a {@link ToggleableTcpProxy} in front of Redis, S3 and PostgreSQL and a {@link ChaosControlServer} to
 * switch them, so integration tests can make any of them disappear without stopping the machine's own services.
 *
 * @param variables the Redis and S3 URLs rewritten to go through the proxies, for the server and the tests
 * @param serverVariables the database URL through its proxy, for the server only: the tests keep reading the
 *     database directly, to check during an outage that nothing was half-written
 * @param controlUrl where the switchboard listens
 */
record ChaosProxies(
        Map<LibertyVariable, String> variables, Map<LibertyVariable, String> serverVariables, URI controlUrl) {

    private static final String JDBC = "jdbc:";

    static ChaosProxies start(
            ProvisionedService postgres, ProvisionedService redis, ProvisionedService s3, RunningServices running)
            throws IOException, InterruptedException {
        Map<LibertyVariable, String> variables = new EnumMap<>(LibertyVariable.class);
        Map<LibertyVariable, String> serverVariables = new EnumMap<>(LibertyVariable.class);
        Map<String, ToggleableTcpProxy> proxies = new LinkedHashMap<>();
        proxies.put("redis", front("redis", redis, LibertyVariable.REDIS_URL, variables, running));
        proxies.put("s3", front("s3", s3, LibertyVariable.S3_ENDPOINT, variables, running));
        proxies.put("postgresql", front("postgresql", postgres, LibertyVariable.DB_URL, serverVariables, running));
        ChaosControlServer control = ChaosControlServer.start(proxies);
        running.add("chaos control", control::close);
        return new ChaosProxies(variables, serverVariables, control.url());
    }

    /** A line for the console; only ports, since an external URL may carry a password. */
    String describe() {
        return "[dev-services] Chaos proxies: Redis via port " + proxyPort(variables.get(LibertyVariable.REDIS_URL))
                + ", S3 via port " + proxyPort(variables.get(LibertyVariable.S3_ENDPOINT)) + ", PostgreSQL via port "
                + proxyPort(serverVariables.get(LibertyVariable.DB_URL)) + ", switched at " + controlUrl;
    }

    private static int proxyPort(String url) {
        return withoutJdbc(url).getPort();
    }

    private static ToggleableTcpProxy front(
            String name,
            ProvisionedService service,
            LibertyVariable url,
            Map<LibertyVariable, String> variables,
            RunningServices running)
            throws IOException {
        String original = service.variables().get(url);
        ToggleableTcpProxy proxy = ToggleableTcpProxy.start(name, upstreamOf(withoutJdbc(original)));
        running.add(name + " chaos proxy", proxy::close);
        variables.put(url, throughProxy(original, proxy.port()));
        return proxy;
    }

    /** A JDBC URL is "jdbc:" before an ordinary URL. */
    static URI withoutJdbc(String url) {
        return URI.create(url.startsWith(JDBC) ? url.substring(JDBC.length()) : url);
    }

    /** {@link #throughProxy(URI, int)} for a URL that may be a JDBC URL, which stays one. */
    static String throughProxy(String url, int proxyPort) {
        return (url.startsWith(JDBC) ? JDBC : "") + throughProxy(withoutJdbc(url), proxyPort);
    }

    /**
     * Where a redis://, http:// or (JDBC) postgresql:// URL points. TLS URLs cannot be fronted: the certificate
     * would not match.
     */
    static InetSocketAddress upstreamOf(URI url) {
        int defaultPort =
                switch (String.valueOf(url.getScheme())) {
                    case "redis" -> 6379;
                    case "http" -> 80;
                    case "postgresql" -> 5432;
                    default -> throw new IllegalStateException("--chaos-proxies can only front redis://, http://"
                            + " and jdbc:postgresql:// URLs, not " + url.getScheme()
                            + "://; unset the LOTABOTS_* variable for the tests");
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
