package io.lotabots.platform.encryption;

import io.lotabots.platform.keys.KeyFiles;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The configured provider, for new KEK versions, and every provider by name, for versions made before a
 * switch. The KMS client is built only when KMS is configured.
 */
@ApplicationScoped
public class KekProviders {

    @Inject
    EncryptionSettings settings;

    @Inject
    KeyFiles keyFiles;

    private LocalKeyFileKekProvider local;
    private KmsClient kmsClient;
    private KmsKekProvider kms;

    public KekProvider current() {
        return byName(settings.kekProvider());
    }

    public synchronized KekProvider byName(String name) {
        switch (name) {
            case LocalKeyFileKekProvider.NAME -> {
                if (local == null) {
                    local = new LocalKeyFileKekProvider(keyFiles.companion(LocalKeyFileKekProvider.FILE));
                }
                return local;
            }
            case KmsKekProvider.NAME -> {
                if (kms == null) {
                    String keyId = settings.kmsKeyId()
                            .orElseThrow(() -> new IllegalStateException("lotabots.encryption.kms.key-id is not set"));
                    kmsClient = kmsClient(settings);
                    kms = new KmsKekProvider(kmsClient, keyId);
                }
                return kms;
            }
            default -> throw new IllegalStateException("no KEK provider " + name + " (local or kms)");
        }
    }

    static KmsClient kmsClient(EncryptionSettings settings) {
        var builder = KmsClient.builder()
                .region(Region.of(settings.kmsRegion()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(
                        settings.kmsAccessKey().isPresent()
                                        && settings.kmsSecretKey().isPresent()
                                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                        settings.kmsAccessKey().get(),
                                        settings.kmsSecretKey().get()))
                                : DefaultCredentialsProvider.builder().build());
        settings.kmsEndpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @PreDestroy
    synchronized void close() {
        if (kmsClient != null) {
            kmsClient.close();
        }
    }
}
