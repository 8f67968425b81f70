package io.lotabots.platform.encryption;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The KMS provider against the contract, talking to moto's KMS-compatible server ({@code moto_server},
 * the Python {@code moto} package; the nearest to AWS KMS this machine has: no KMS server ships on Maven
 * Central or in Debian). The encryption context binds material to tenant and version there as in AWS.
 */
class KmsKekProviderTest extends KekProviderContract {

    private static Process server;
    private static KmsClient kms;
    private static String keyId;

    @BeforeAll
    static void startKms() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto-kms", ".log");
        server = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitPort(port, Duration.ofSeconds(90), log);
        kms = KmsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        keyId = kms.createKey(b -> b.description("lotabots contract test"))
                .keyMetadata()
                .keyId();
    }

    @AfterAll
    static void stopKms() {
        if (kms != null) {
            kms.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    KekProvider provider(int instance) {
        return new KmsKekProvider(kms, keyId);
    }

    @Override
    byte[] materialAfterDestroy(byte[] material) {
        return null;
    }

    @Test
    void anotherKmsKeyDoesNotOpenTheMaterial() {
        var id = new KekId(UUID.randomUUID(), 1);
        byte[] material = provider(1).create(id);
        String otherKey =
                kms.createKey(b -> b.description("other")).keyMetadata().keyId();
        assertThrows(KekUnavailableException.class, () -> new KmsKekProvider(kms, otherKey).open(id, material));
    }

    private static void awaitPort(int port, Duration patience, Path log) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("moto_server ended: " + Files.readString(log));
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("moto_server did not listen within " + patience + ": " + Files.readString(log));
    }
}
