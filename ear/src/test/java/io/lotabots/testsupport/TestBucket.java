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

    /** The keys of multipart uploads begun under {@code prefix} and neither completed nor aborted. */
    public static List<String> unfinishedUploads(String prefix) {
        try (var s3 = client()) {
            return s3.listMultipartUploadsPaginator(b -> b.bucket(BUCKET).prefix(prefix)).uploads().stream()
                    .map(software.amazon.awssdk.services.s3.model.MultipartUpload::key)
                    .toList();
        }
    }

    /** Begins a multipart upload under {@code key} with one part, and leaves it unfinished (as a dead server would). */
    public static void beginUpload(String key, byte[] part) {
        try (var s3 = client()) {
            String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
            s3.uploadPart(
                    b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(1),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(part));
        }
    }

    public static void put(String key, byte[] content) {
        try (var s3 = client()) {
            s3.putObject(
                    b -> b.bucket(BUCKET).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
        }
    }

    /** An object's bytes. */
    public static byte[] get(String key) {
        try (var s3 = client()) {
            return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
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
