package io.lotabots.platform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** S3 connection settings; an empty endpoint means AWS itself, empty keys mean the AWS default chain. */
@ApplicationScoped
public class S3Settings {

    @Inject
    @ConfigProperty(name = "lotabots.s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "lotabots.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "lotabots.s3.bucket", defaultValue = "lotabots")
    String bucket;

    @Inject
    @ConfigProperty(name = "lotabots.s3.path-style", defaultValue = "false")
    boolean pathStyle;

    @Inject
    @ConfigProperty(name = "lotabots.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "lotabots.s3.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "lotabots.s3.timeout-millis", defaultValue = "5000")
    long timeoutMillis;

    /** The part size of streamed uploads: the memory one upload holds, and 10 000 parts bound an object. */
    @Inject
    @ConfigProperty(name = "lotabots.s3.part-bytes", defaultValue = "8388608")
    int partBytes;

    public Optional<String> endpoint() {
        return endpoint.filter(e -> !e.isBlank());
    }

    public String region() {
        return region;
    }

    public String bucket() {
        return bucket;
    }

    public boolean pathStyle() {
        return pathStyle;
    }

    public Optional<String> accessKey() {
        return accessKey.filter(k -> !k.isBlank());
    }

    public Optional<String> secretKey() {
        return secretKey.filter(k -> !k.isBlank());
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** At least S3's smallest part (5 MiB), whatever is configured. */
    public int partBytes() {
        return Math.max(PartBuffer.MIN_PART_BYTES, partBytes);
    }
}
