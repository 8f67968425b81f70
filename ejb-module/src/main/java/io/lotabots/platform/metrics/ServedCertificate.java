package io.lotabots.platform.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Reads the certificate chain a TLS listener presents, as its clients see it, and reports the earliest
 * expiry in it. The chain is taken as it comes, not checked: the connection only completes the handshake
 * and is closed, nothing is sent over it. (Refusing the chain instead would make the listener log a
 * failed handshake with its stack trace at every read.)
 */
public final class ServedCertificate {

    private ServedCertificate() {}

    /** The earliest {@code notAfter} of the chain served at host:port; empty if none could be read. */
    public static Optional<Instant> earliestExpiry(String host, int port, Duration timeout) {
        var seen = new AtomicReference<X509Certificate[]>();
        try {
            var tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new ChainCapture(seen)}, null);
            try (var socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                socket.startHandshake();
            }
        } catch (IOException | GeneralSecurityException unreachable) {
            // nothing listening, or no TLS: no expiry to report
        }
        return Optional.ofNullable(seen.get()).flatMap(chain -> Arrays.stream(chain)
                .map(c -> c.getNotAfter().toInstant())
                .min(Comparator.naturalOrder()));
    }

    /**
     * Keeps the server's chain; the connection carries no data, so there is nothing to trust it with.
     * Extended, so that the JDK adds no checks of its own around it.
     */
    private static final class ChainCapture extends X509ExtendedTrustManager {

        private final AtomicReference<X509Certificate[]> seen;

        ChainCapture(AtomicReference<X509Certificate[]> seen) {
            this.seen = seen;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen.set(chain.clone());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
