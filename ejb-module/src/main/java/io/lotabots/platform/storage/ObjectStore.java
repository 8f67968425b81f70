package io.lotabots.platform.storage;

import io.lotabots.platform.DependencyUnavailableException;
import io.lotabots.platform.encryption.ChunkFormat;
import io.lotabots.platform.encryption.DataKeys;
import io.lotabots.platform.encryption.EncryptionSettings;
import io.lotabots.platform.encryption.ObjectKeys;
import io.lotabots.platform.encryption.OpeningInputStream;
import io.lotabots.platform.encryption.SealingInputStream;
import io.lotabots.platform.encryption.TamperedObjectException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
 *
 * <p>Everything stored is encrypted at rest ({@link io.lotabots.platform.encryption}): each write seals the
 * content under a new data key of the tenant that owns the key ({@link ObjectKeys#tenant}: {@code
 * {type}/{tenant}/...} or {@code audit/{kind}/{tenant}/...}; other keys are refused), each read opens and
 * authenticates it, ranges are in plaintext coordinates and sizes are plaintext sizes. An object without
 * the encryption header is one stored before encryption came: it is read as it is only while the
 * migration ({@link PlaintextObjectsMigration}) has not finished and no data key was ever made for it.
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

    @Inject
    DataKeys dataKeys;

    @Inject
    EncryptionSettings encryption;

    /** Sends a multipart upload's parts while the request's thread reads the next one. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService partSender;

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
        ObjectKeys.tenant(key);
        ensureBucket();
        var dataKey = dataKeys.create(key);
        byte[] sealed = SealingInputStream.sealAll(
                content, ChunkFormat.header(encryption.chunkBytes(), dataKey.id()), dataKey.key(), key);
        // registered first: a PUT that fails on the client's side may still have stored the object
        deleteOnRollback(key);
        var response = call(() -> s3.putObject(
                b -> b.bucket(settings.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(sealed)));
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
        ObjectKeys.tenant(key);
        ensureBucket();
        var dataKey = dataKeys.create(key);
        var sealing = new SealingInputStream(
                content, ChunkFormat.header(encryption.chunkBytes(), dataKey.id()), dataKey.key(), key);
        int first = fill(buffer, sealing);
        if (first < buffer.bytes.length) {
            byte[] whole = Arrays.copyOf(buffer.bytes, first);
            var response = call(() -> s3.putObject(
                    b -> b.bucket(settings.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(whole)));
            return new StoredObject(key, sealing.plainBytes(), response.eTag());
        }
        var stored = new MultipartPut(s3, settings.bucket(), key, partSender == null ? Runnable::run : partSender)
                .send(buffer, first, sealing, contentType);
        return new StoredObject(key, sealing.plainBytes(), stored.etag());
    }

    /**
     * An object's bytes as a stream (the caller closes it), authenticated chunk by chunk as it is read (a
     * {@link TamperedObjectException} from a read instead of wrong bytes); a missing key is an {@link
     * ObjectNotFoundException}.
     */
    public InputStream open(String key) {
        InputStream stored;
        try {
            stored = call(() -> s3.getObject(b -> b.bucket(settings.bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(key);
        }
        try {
            byte[] start = stored.readNBytes(ChunkFormat.HEADER_BYTES);
            if (!ChunkFormat.isEncrypted(start, start.length)) {
                plaintextAllowed(key);
                return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(start), stored);
            }
            var header = ChunkFormat.parse(start, start.length, key);
            return OpeningInputStream.whole(stored, header, dataKeys.open(header.dataKeyId(), key), key);
        } catch (IOException | RuntimeException e) {
            closeQuietly(stored);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DependencyUnavailableException(DEPENDENCY, e);
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
        // the header and the object's size first (one small ranged GET), then the chunks the range covers
        Range head = range(key, 0, ChunkFormat.HEADER_BYTES);
        byte[] start0;
        try (var in = head.content()) {
            start0 = in.readAllBytes();
        } catch (IOException e) {
            throw new DependencyUnavailableException(DEPENDENCY, e);
        }
        if (!ChunkFormat.isEncrypted(start0, start0.length)) {
            plaintextAllowed(key);
            return range(key, start, endExclusive).content();
        }
        var header = ChunkFormat.parse(start0, start0.length, key);
        var dataKey = dataKeys.open(header.dataKeyId(), key);
        long plainSize = header.plainSize(head.totalSize(), key);
        long end = Math.min(endExclusive, plainSize);
        if (start >= end) {
            return InputStream.nullInputStream();
        }
        long from = header.chunkOffset(OpeningInputStream.firstChunk(header, start));
        long to = Math.min(head.totalSize(), header.chunkOffset(OpeningInputStream.lastChunk(header, end) + 1));
        Range chunks = range(key, from, to);
        if (chunks.totalSize() != head.totalSize()) {
            closeQuietly(chunks.content());
            throw new TamperedObjectException(key, "replaced while being read");
        }
        return OpeningInputStream.range(chunks.content(), header, dataKey, key, head.totalSize(), start, end);
    }

    /** Stored bytes {@code [start, endExclusive)} and the stored object's whole size. */
    private Range range(String key, long start, long endExclusive) {
        try {
            var response = call(() -> s3.getObject(
                    b -> b.bucket(settings.bucket()).key(key).range("bytes=" + start + "-" + (endExclusive - 1))));
            String contentRange = response.response().contentRange();
            long total = contentRange == null
                    ? response.response().contentLength()
                    : Long.parseLong(contentRange.substring(contentRange.lastIndexOf('/') + 1));
            return new Range(response, total);
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                // an empty object has no byte 0: only a plaintext object stored before encryption is empty
                return new Range(InputStream.nullInputStream(), 0);
            }
            throw e;
        }
    }

    private record Range(InputStream content, long totalSize) {}

    /** Refuses to read {@code key} as plaintext when it must have been encrypted. */
    private void plaintextAllowed(String key) {
        if (dataKeys.knownEncrypted(key)) {
            throw new TamperedObjectException(key, "no encryption header on an object stored encrypted");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing an S3 stream", e);
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
            deleted += deleteBatch(batch);
            dataKeys.forgetPrefix(prefix);
            return deleted;
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
        byte[] stored;
        try {
            stored = call(
                    () -> s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(key);
        }
        if (!ChunkFormat.isEncrypted(stored, stored.length)) {
            plaintextAllowed(key);
            return stored;
        }
        var header = ChunkFormat.parse(stored, stored.length, key);
        var in = OpeningInputStream.whole(
                new java.io.ByteArrayInputStream(
                        stored, ChunkFormat.HEADER_BYTES, stored.length - ChunkFormat.HEADER_BYTES),
                header,
                dataKeys.open(header.dataKeyId(), key),
                key);
        try {
            byte[] plain = new byte[Math.toIntExact(header.plainSize(stored.length, key))];
            int n = in.readNBytes(plain, 0, plain.length);
            if (n != plain.length || in.read() >= 0) {
                throw new TamperedObjectException(key, "size does not match its chunks");
            }
            return plain;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory", e);
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

    /**
     * Rewrites an object stored before encryption came, encrypted, under the same key; returns false and
     * leaves the object alone when it is encrypted already, or when it lacks the header although a data key
     * was made for it (tampered with: encrypting it would launder that).
     */
    public boolean encryptIfPlaintext(String key) throws IOException {
        ObjectKeys.tenant(key);
        Range head = range(key, 0, ChunkFormat.HEADER_BYTES);
        byte[] start;
        try (var in = head.content()) {
            start = in.readAllBytes();
        }
        if (ChunkFormat.isEncrypted(start, start.length)) {
            return false;
        }
        if (dataKeys.knownObject(key)) {
            LOG.warning(() -> "Object " + key + " has no encryption header but was stored encrypted; left as it is");
            return false;
        }
        var plain = call(() -> s3.getObject(b -> b.bucket(settings.bucket()).key(key)));
        try (plain) {
            String contentType = plain.response().contentType();
            putStream(key, plain, contentType == null ? "application/octet-stream" : contentType, partBuffer());
        } catch (IOException | RuntimeException e) {
            // the plaintext object is still there: its new data key row would make it unreadable
            dataKeys.forget(key);
            throw e;
        }
        return true;
    }

    /** Up to {@code max} keys of the bucket after {@code startAfter} (null: from the first), in key order. */
    public List<String> keysAfter(String startAfter, int max) {
        ensureBucket();
        return call(() ->
                s3
                        .listObjectsV2(b -> b.bucket(settings.bucket())
                                .startAfter(startAfter)
                                .maxKeys(max))
                        .contents()
                        .stream()
                        .map(software.amazon.awssdk.services.s3.model.S3Object::key)
                        .toList());
    }

    public void delete(String key) {
        call(() -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(key)));
        dataKeys.forget(key);
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
