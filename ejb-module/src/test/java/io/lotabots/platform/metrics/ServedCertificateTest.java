package io.lotabots.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Against a real TLS listener with a certificate made here. */
class ServedCertificateTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void readsTheExpiryOfTheServedCertificateAndSendsNothing() throws Exception {
        Instant notAfter = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var applicationData = new AtomicBoolean();
        try (var server = tlsServer(notAfter, applicationData)) {
            var expiry = ServedCertificate.earliestExpiry("127.0.0.1", server.getLocalPort(), TIMEOUT);

            assertEquals(notAfter, expiry.orElseThrow());
        }
        assertTrue(!applicationData.get(), "no application data was sent");
    }

    @Test
    void nothingListeningMeansNoExpiry() throws Exception {
        int port;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertTrue(ServedCertificate.earliestExpiry("127.0.0.1", port, TIMEOUT).isEmpty());
    }

    @Test
    void aListenerThatSpeaksNoTlsMeansNoExpiry() throws Exception {
        try (var plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var accepted = new AtomicInteger();
            var thread = new Thread(() -> {
                try (var socket = plain.accept()) {
                    accepted.incrementAndGet();
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                } catch (IOException ignored) {
                    // the client went away
                }
            });
            thread.start();
            assertTrue(ServedCertificate.earliestExpiry("127.0.0.1", plain.getLocalPort(), TIMEOUT)
                    .isEmpty());
            thread.join(5000);
        }
    }

    /** A one-connection TLS server presenting a self-signed certificate valid until {@code notAfter}. */
    private static SSLServerSocket tlsServer(Instant notAfter, AtomicBoolean applicationData) throws Exception {
        var keys = KeyPairGenerator.getInstance("EC");
        keys.initialize(256);
        var pair = keys.generateKeyPair();
        var name = new X500Name("CN=localhost");
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                Date.from(Instant.now().minus(1, ChronoUnit.DAYS)),
                                Date.from(notAfter),
                                name,
                                pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", pair.getPrivate(), "pw".toCharArray(), new X509Certificate[] {certificate});
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "pw".toCharArray());
        var tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        var server = (SSLServerSocket)
                tls.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        var thread = new Thread(() -> {
            try (var socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                applicationData.set(socket.getInputStream().read() >= 0);
            } catch (IOException closed) {
                // the client went away
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }
}
