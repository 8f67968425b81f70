package io.lotabots.platform.storage;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the one S3 client from settings; the same code talks to AWS S3 and S3-compatible servers. */
final class S3ClientFactory {

    private S3ClientFactory() {}

    /** @param interceptors see every call (its operation, outcome and time: metrics, tracing) */
    static S3Client create(S3Settings settings, ExecutionInterceptor... interceptors) {
        var timeout = Duration.ofMillis(settings.timeoutMillis());
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        // one plain body, its SHA-256 signed and its CRC32 in a header. The chunked
                        // framing went out one system call per frame, and s3proxy answered and closed
                        // the connection once it had the data: a writer that ran late failed on the last frame.
                        .chunkedEncodingEnabled(false)
                        .build())
                // The sockets' timeouts bound each attempt, and so a call (3 attempts). The SDK's own
                // call timeout would schedule and cancel a task on its timer thread for every request,
                // for a bound the sockets already give.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofMillis(Math.min(2000, settings.timeoutMillis())))
                        .socketTimeout(timeout))
                .overrideConfiguration(
                        c -> c.retryStrategy(r -> r.maxAttempts(3)).executionInterceptors(List.of(interceptors)));
        settings.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isPresent() && settings.secretKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKey().get(), settings.secretKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
