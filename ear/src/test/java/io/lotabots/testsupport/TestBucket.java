package io.lotabots.testsupport;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The server's S3 bucket as the tests see it (through the S3 switch, so only while S3 is reachable). */
public final class TestBucket {

    private static final String BUCKET = "lotabots";

    private TestBucket() {}

    /** Every key under {@code prefix}, in key order. */
    public static List<String> keys(String prefix) {
        try (var s3 = client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
    }

    public static void delete(String key) {
        try (var s3 = client()) {
            s3.deleteObject(b -> b.bucket(BUCKET).key(key));
        }
    }

    private static S3Client client() {
        var services = new DevServicesReport();
        return S3Client.builder()
                .endpointOverride(URI.create(services.get("lotabots.s3.endpoint")))
                .region(Region.of(services.get("lotabots.s3.region")))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        services.get("lotabots.s3.access-key"), services.get("lotabots.s3.secret-key"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
