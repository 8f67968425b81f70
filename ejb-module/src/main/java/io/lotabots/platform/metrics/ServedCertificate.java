package io.lotabots.platform.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
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
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the certificate chain a TLS listener presents, as its clients see it, and reports the earliest
 * expiry in it. The handshake is refused as soon as the chain has been seen: nothing is trusted and no
 * data is exchanged.
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
        } catch (IOException | GeneralSecurityException refusedAsIntended) {
            // ChainCapture ends every handshake once it has the chain
        }
        return Optional.ofNullable(seen.get()).flatMap(chain -> Arrays.stream(chain)
                .map(c -> c.getNotAfter().toInstant())
                .min(Comparator.naturalOrder()));
    }

    /** Keeps the server's chain and refuses it, which ends the handshake. */
    private record ChainCapture(AtomicReference<X509Certificate[]> seen) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            seen.set(chain.clone());
            throw new CertificateException("chain read for its expiry only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
