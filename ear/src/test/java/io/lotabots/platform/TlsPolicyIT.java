package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.TestServerTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS listener speaks TLS 1.3, and TLS 1.2 only with forward-secret AEAD suites (issue 23,
 * item 4). Refusals are checked with OpenSSL's client too, whose own defaults still offer the old
 * suites, so a refusal there comes from the server.
 */
class TlsPolicyIT {

    private static final String[] TLS12 = {"TLSv1.2"};

    @Test
    void acceptsTls13() throws IOException {
        try (var socket = TestServerTls.socket(new String[] {"TLSv1.3"}, new String[] {"TLS_AES_128_GCM_SHA256"})) {
            socket.startHandshake();

            assertEquals("TLSv1.3", socket.getSession().getProtocol());
        }
    }

    @Test
    void acceptsTls12WithEcdheAndAead() throws IOException {
        for (String suite : List.of(
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")) {
            try (var socket = TestServerTls.socket(TLS12, new String[] {suite})) {
                socket.startHandshake();

                assertEquals("TLSv1.2", socket.getSession().getProtocol());
                assertEquals(suite, socket.getSession().getCipherSuite());
            }
        }
    }

    @Test
    void refusesRsaKeyExchangeToAJdkClientOfferingNothingElse() throws IOException {
        try (var socket = TestServerTls.socket(TLS12, new String[] {"TLS_RSA_WITH_AES_128_CBC_SHA"})) {
            assertTrue(
                    List.of(socket.getEnabledCipherSuites()).contains("TLS_RSA_WITH_AES_128_CBC_SHA"),
                    "the client really offers the suite");

            var refused = assertThrows(SSLHandshakeException.class, socket::startHandshake);

            // the server refusing (an alert, or closing the connection), not the client finding nothing to offer
            assertTrue(
                    refused.getMessage().contains("Received fatal alert")
                            || refused.getMessage().contains("Remote host terminated the handshake"),
                    refused.getMessage());
        }
    }

    @Test
    void refusesRsaKeyExchangeAndCbcSuitesToOpenssl() throws Exception {
        for (String suite : List.of("AES128-SHA", "AES256-SHA", "AES128-GCM-SHA256", "ECDHE-RSA-AES128-SHA")) {
            String session = openssl("-tls1_2", "-cipher", suite);

            assertFalse(session.contains("Cipher is " + suite), suite + " was negotiated:\n" + session);
        }
        String allowed = openssl("-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256");
        assertTrue(allowed.contains("Cipher is ECDHE-RSA-AES128-GCM-SHA256"), "control: " + allowed);
    }

    /** OpenSSL's client output for one connection attempt to the test server. */
    private static String openssl(String... options) throws Exception {
        var command = new java.util.ArrayList<>(List.of(
                "openssl", "s_client", "-connect", "localhost:" + TestServerTls.PORT, "-servername", "localhost"));
        command.addAll(List.of(options));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close(); // no input: s_client ends after the handshake
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl finished");
        return output;
    }
}
