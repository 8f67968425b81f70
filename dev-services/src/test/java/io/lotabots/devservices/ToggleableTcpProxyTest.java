package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToggleableTcpProxyTest {

    private UppercasingServer upstream;
    private ToggleableTcpProxy proxy;

    @BeforeEach
    void startProxyInFrontOfUpstream() throws IOException {
        upstream = new UppercasingServer();
        proxy = ToggleableTcpProxy.start("test", upstream.address());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.close();
    }

    @Test
    void forwardsRequestToUpstreamAndItsReplyBack() throws IOException {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            assertEquals("PING", client.exchange("ping"));
            assertEquals("SECOND ROUND", client.exchange("second round"));
        }
    }

    @Test
    void downCutsAConnectionThatIsOpen() throws IOException {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            assertEquals("PING", client.exchange("ping"));

            proxy.down();

            assertTrue(client.endsWithoutAnswer(), "connection should be cut");
            assertFalse(proxy.isUp());
        }
    }

    @Test
    void downClosesNewConnectionsWithoutReachingUpstream() throws IOException {
        proxy.down();

        try (ProxyClient client = new ProxyClient(proxy.port())) {
            assertTrue(client.endsWithoutAnswer(), "new connection should be closed");
        }
        assertEquals(0, upstream.acceptedConnections());
    }

    @Test
    void upForwardsNewConnectionsAgain() throws IOException {
        proxy.down();
        try (ProxyClient refused = new ProxyClient(proxy.port())) {
            assertTrue(refused.endsWithoutAnswer());
        }

        proxy.up();

        try (ProxyClient client = new ProxyClient(proxy.port())) {
            assertEquals("BACK", client.exchange("back"));
        }
    }

    @Test
    void closesClientConnectionWhenUpstreamIsNotListening() throws IOException {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        try (ToggleableTcpProxy toNowhere = ToggleableTcpProxy.start(
                        "nowhere", new InetSocketAddress(InetAddress.getLoopbackAddress(), deadPort));
                ProxyClient client = new ProxyClient(toNowhere.port())) {
            assertTrue(client.endsWithoutAnswer());
        }
    }

    @Test
    void closeStopsAcceptingConnections() throws IOException {
        int port = proxy.port();

        proxy.close();

        assertFalse(LocalPorts.accepts(port));
    }
}
