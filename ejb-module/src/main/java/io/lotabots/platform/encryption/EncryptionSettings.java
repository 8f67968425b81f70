package io.lotabots.platform.encryption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Encryption at rest: chunk size, key caches, KEK provider and rotation period. */
@ApplicationScoped
public class EncryptionSettings {

    /** Plaintext bytes per sealed chunk of new objects (old objects keep theirs: it is in their header). */
    @Inject
    @ConfigProperty(name = "lotabots.encryption.chunk-bytes", defaultValue = "65536")
    int chunkBytes;

    /** Unwrapped data keys kept in memory, so reads of recent objects need neither database nor KMS. */
    @Inject
    @ConfigProperty(name = "lotabots.encryption.data-key-cache", defaultValue = "20000")
    int dataKeyCache;

    /** How long an unwrapped data key stays in memory: the bound on a shred missed by a cut-off server. */
    @Inject
    @ConfigProperty(name = "lotabots.encryption.data-key-cache-seconds", defaultValue = "300")
    int dataKeyCacheSeconds;

    /** {@code local} (the key file) or {@code kms}. */
    @Inject
    @ConfigProperty(name = "lotabots.encryption.kek-provider", defaultValue = "local")
    String kekProvider;

    @Inject
    @ConfigProperty(name = "lotabots.encryption.kek-rotation-days", defaultValue = "90")
    int rotationDays;

    @Inject
    @ConfigProperty(name = "lotabots.encryption.rewrap-batch", defaultValue = "500")
    int rewrapBatch;

    @Inject
    @ConfigProperty(name = "lotabots.encryption.kms.endpoint")
    Optional<String> kmsEndpoint;

    @Inject
    @ConfigProperty(name = "lotabots.encryption.kms.region", defaultValue = "us-east-1")
    String kmsRegion;

    @Inject
    @ConfigProperty(name = "lotabots.encryption.kms.key-id")
    Optional<String> kmsKeyId;

    @Inject
    @ConfigProperty(name = "lotabots.encryption.kms.access-key")
    Optional<String> kmsAccessKey;

    @Inject
    @ConfigProperty(name = "lotabots.encryption.kms.secret-key")
    Optional<String> kmsSecretKey;

    public int chunkBytes() {
        ChunkFormat.checkChunkSize(chunkBytes);
        return chunkBytes;
    }

    public int dataKeyCache() {
        return Math.max(16, dataKeyCache);
    }

    public Duration dataKeyCacheLifetime() {
        return Duration.ofSeconds(Math.max(1, dataKeyCacheSeconds));
    }

    public String kekProvider() {
        return kekProvider;
    }

    public int rotationDays() {
        return Math.max(1, rotationDays);
    }

    public int rewrapBatch() {
        return Math.max(1, rewrapBatch);
    }

    public Optional<String> kmsEndpoint() {
        return kmsEndpoint.filter(e -> !e.isBlank());
    }

    public String kmsRegion() {
        return kmsRegion;
    }

    public Optional<String> kmsKeyId() {
        return kmsKeyId.filter(e -> !e.isBlank());
    }

    public Optional<String> kmsAccessKey() {
        return kmsAccessKey.filter(e -> !e.isBlank());
    }

    public Optional<String> kmsSecretKey() {
        return kmsSecretKey.filter(e -> !e.isBlank());
    }
}
