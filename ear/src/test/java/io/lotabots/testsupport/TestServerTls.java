package io.lotabots.testsupport;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The test server's HTTPS listener ({@code it.https.port}), which presents Liberty's generated
 * self-signed certificate: clients here trust it without checking, as the tests are about what the
 * server sends and which TLS it speaks, not about its certificate.
 */
public final class TestServerTls {

    public static final int PORT = Integer.getInteger("it.https.port", 9443);

    private TestServerTls() {}

    public static URI uri(String path) {
        return URI.create("https://localhost:" + PORT + path);
    }

    /** An HTTP client (HTTP/2 or 1.1, as negotiated) that trusts the test server's certificate. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .sslContext(trustingContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A TLS socket to the test server offering only these protocols and suites; not yet handshaken. */
    public static SSLSocket socket(String[] protocols, String[] suites) throws java.io.IOException {
        var socket = (SSLSocket) trustingContext().getSocketFactory().createSocket("localhost", PORT);
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(protocols);
        socket.setEnabledCipherSuites(suites);
        return socket;
    }

    private static SSLContext trustingContext() {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Extended, so that the JDK does not add its own host name check on top. */
    private static final class TrustingManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
