package io.lotabots.platform.storage;

import io.lotabots.platform.DependencyUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one way into S3. Writes made inside a transaction are deleted again if that transaction rolls
 * back, so a failed request leaves no orphaned object behind.
 */
@ApplicationScoped
public class ObjectStore {

    public static final String DEPENDENCY = "s3";
    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());

    @Inject
    S3Settings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    S3CallMetrics calls;

    private S3Client s3;
    private volatile boolean bucketReady;

    @PostConstruct
    void connect() {
        s3 = S3ClientFactory.create(settings, new S3CallTiming(calls::record), new S3CallTracing(settings.bucket()));
    }

    /** Creates the bucket when the application starts, if S3 answers; otherwise on first use. */
    void createBucketAtStartup(@Observes Startup startup) {
        try {
            ensureBucket();
        } catch (DependencyUnavailableException e) {
            LOG.warning(() ->
                    "S3 not reachable at start-up; bucket " + settings.bucket() + " will be created on first use");
        }
    }

    @PreDestroy
    void stop() {
        s3.close();
    }

    /** Stores an object; inside a transaction the object is removed again if the transaction rolls back. */
    public StoredObject put(String key, byte[] content, String contentType) {
        ensureBucket();
        // registered first: a PUT that fails on the client's side may still have stored the object
        deleteOnRollback(key);
        var response = call(() -> s3.putObject(
                b -> b.bucket(settings.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(content)));
        return new StoredObject(key, content.length, response.eTag());
    }

    /** A buffer for {@link #putStream}: one per upload, however many objects and parts it stores. */
    public PartBuffer partBuffer() {
        return new PartBuffer(settings.partBytes());
    }

    /**
     * Stores what {@code content} holds until its end, reading it once and holding one part in memory:
     * one PUT when it fits the buffer, otherwise an S3 multipart upload that is aborted if anything fails
     * on the way, the stream included. Not tied to a transaction: whoever streams owns the key and removes
     * it when the work it belongs to fails ({@link #deletePrefix}).
     */
    public StoredObject putStream(String key, InputStream content, String contentType, PartBuffer buffer)
            throws IOException {
        ensureBucket();
        int first = fill(buffer, content);
        if (first < buffer.bytes.length) {
            byte[] whole = Arrays.copyOf(buffer.bytes, first);
            var response = call(() -> s3.putObject(
                    b -> b.bucket(settings.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(whole)));
            return new StoredObject(key, first, response.eTag());
        }
        return new MultipartPut(s3, settings.bucket(), key).send(buffer, first, content, contentType);
    }

    /** An object's bytes as a stream (the caller closes it); a missing key is an {@link ObjectNotFoundException}. */
    public InputStream open(String key) {
        try {
            return call(() -> s3.getObject(b -> b.bucket(settings.bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(key);
        }
    }

    /** Bytes {@code [start, endExclusive)} of an object, read with an HTTP range; an empty range reads nothing. */
    public InputStream open(String key, long start, long endExclusive) {
        if (start < 0 || endExclusive < start) {
            throw new IllegalArgumentException("range [" + start + ", " + endExclusive + ") of " + key);
        }
        if (start == endExclusive) {
            return InputStream.nullInputStream();
        }
        try {
            return call(() -> s3.getObject(
                    b -> b.bucket(settings.bucket()).key(key).range("bytes=" + start + "-" + (endExclusive - 1))));
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(key);
        }
    }

    /**
     * Removes every object under {@code prefix} and aborts every unfinished multipart upload there, so that
     * work abandoned half-way (a failed upload, a dead server) leaves nothing in S3; returns how many objects
     * went. Deleting what is already gone is no error.
     */
    public int deletePrefix(String prefix) {
        if (prefix.isEmpty() || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix ends with '/': " + prefix);
        }
        ensureBucket();
        return call(() -> {
            for (var page : s3.listMultipartUploadsPaginator(
                    b -> b.bucket(settings.bucket()).prefix(prefix))) {
                for (MultipartUpload upload : page.uploads()) {
                    s3.abortMultipartUpload(
                            b -> b.bucket(settings.bucket()).key(upload.key()).uploadId(upload.uploadId()));
                }
            }
            int deleted = 0;
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (var object : s3.listObjectsV2Paginator(
                            b -> b.bucket(settings.bucket()).prefix(prefix))
                    .contents()) {
                batch.add(ObjectIdentifier.builder().key(object.key()).build());
                if (batch.size() == 1000) {
                    deleted += deleteBatch(batch);
                }
            }
            return deleted + deleteBatch(batch);
        });
    }

    private int deleteBatch(List<ObjectIdentifier> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        var keys = List.copyOf(batch);
        batch.clear();
        s3.deleteObjects(
                b -> b.bucket(settings.bucket()).delete(d -> d.objects(keys).quiet(true)));
        return keys.size();
    }

    /** Reads from {@code content} until the buffer is full or the stream ends; returns how many bytes it holds. */
    static int fill(PartBuffer buffer, InputStream content) throws IOException {
        return content.readNBytes(buffer.bytes, 0, buffer.bytes.length);
    }

    /** Reads a whole object; a missing key is an {@link ObjectNotFoundException}. */
    public byte[] get(String key) {
        try {
            return call(
                    () -> s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(key);
        }
    }

    /**
     * The greatest key under {@code prefix} that sorts after {@code startAfter} (null: from the start),
     * if any. S3 lists in key order only, so every page after {@code startAfter} is read.
     */
    public java.util.Optional<String> lastKey(String prefix, String startAfter) {
        ensureBucket();
        return call(() -> {
            String last = null;
            for (var page : s3.listObjectsV2Paginator(
                    b -> b.bucket(settings.bucket()).prefix(prefix).startAfter(startAfter))) {
                for (var object : page.contents()) {
                    last = object.key();
                }
            }
            return java.util.Optional.ofNullable(last);
        });
    }

    public void delete(String key) {
        call(() -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(key)));
    }

    /** Checks that the bucket answers; used by the readiness probe. */
    public void ping() {
        call(() -> s3.headBucket(b -> b.bucket(settings.bucket())));
    }

    public String bucket() {
        return settings.bucket();
    }

    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            call(() -> s3.headBucket(b -> b.bucket(settings.bucket())));
        } catch (NoSuchBucketException e) {
            call(() -> s3.createBucket(b -> b.bucket(settings.bucket())));
            LOG.info(() -> "Created bucket " + settings.bucket());
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            call(() -> s3.createBucket(b -> b.bucket(settings.bucket())));
        }
        bucketReady = true;
    }

    private void deleteOnRollback(String key) {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        delete(key);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not remove object " + key + " after rollback", e);
                    }
                }
            }
        });
    }

    static <T> T call(java.util.function.Supplier<T> s3Call) {
        try {
            return s3Call.get();
        } catch (SdkClientException e) {
            throw new DependencyUnavailableException(DEPENDENCY, e);
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw new DependencyUnavailableException(DEPENDENCY, e);
            }
            throw e;
        } catch (SdkException e) {
            throw new DependencyUnavailableException(DEPENDENCY, e);
        }
    }
}
