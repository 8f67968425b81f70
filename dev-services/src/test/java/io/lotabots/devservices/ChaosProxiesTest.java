package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ChaosProxiesTest {

    @Test
    void pointsARedisUrlAtTheProxyKeepingCredentialsAndDatabase() {
        URI original = URI.create("redis://:s%40cret@redis.internal:6380/2");

        assertEquals(new InetSocketAddress("redis.internal", 6380), ChaosProxies.upstreamOf(original));
        assertEquals(URI.create("redis://:s%40cret@127.0.0.1:40000/2"), ChaosProxies.throughProxy(original, 40000));
    }

    @Test
    void pointsAnHttpEndpointAtTheProxyKeepingPathAndQuery() {
        URI original = URI.create("http://127.0.0.1:18080/base?x=1");

        assertEquals(URI.create("http://127.0.0.1:40001/base?x=1"), ChaosProxies.throughProxy(original, 40001));
    }

    @Test
    void pointsAJdbcPostgresqlUrlAtTheProxyAndKeepsItAJdbcUrl() {
        String original = "jdbc:postgresql://127.0.0.1:5432/lotabots_it?sslmode=disable";

        assertEquals(
                new InetSocketAddress("127.0.0.1", 5432), ChaosProxies.upstreamOf(ChaosProxies.withoutJdbc(original)));
        assertEquals(
                "jdbc:postgresql://127.0.0.1:40002/lotabots_it?sslmode=disable",
                ChaosProxies.throughProxy(original, 40002));
        assertEquals(
                5432,
                ChaosProxies.upstreamOf(URI.create("postgresql://db/lotabots")).getPort());
    }

    @Test
    void usesTheSchemeDefaultPortWhenTheUrlHasNone() {
        assertEquals(6379, ChaosProxies.upstreamOf(URI.create("redis://cache")).getPort());
        assertEquals(80, ChaosProxies.upstreamOf(URI.create("http://minio")).getPort());
    }

    @Test
    void refusesTlsUrlsWhoseCertificateCouldNotMatchTheProxy() {
        assertThrows(IllegalStateException.class, () -> ChaosProxies.upstreamOf(URI.create("rediss://cache:6380")));
        assertThrows(
                IllegalStateException.class, () -> ChaosProxies.upstreamOf(URI.create("https://s3.amazonaws.com")));
    }

    @Test
    void refusesAUrlWithoutHost() {
        assertThrows(IllegalStateException.class, () -> ChaosProxies.upstreamOf(URI.create("redis:/just-a-path")));
    }
}
