package io.lotabots.document.control;

import io.lotabots.platform.DependencyUnavailableException;
import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.platform.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The document service's S3 calls, through {@link ObjectStore}, guarded by MicroProfile Fault Tolerance: reads
 * and deletes are retried with backoff and time out; every call shares one circuit per operation, so while S3
 * is down requests fail fast with 503 instead of waiting on it. A streamed store is never retried (its
 * stream is spent) but stops at once while the circuit is open, before the body is read.
 */
@ApplicationScoped
public class DocumentObjects {

    @Inject
    ObjectStore objects;

    /** Stores a version's content, read to its end. */
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.5,
            delay = 5000,
            failOn = DependencyUnavailableException.class)
    public StoredObject store(String key, InputStream content, String contentType) throws IOException {
        return objects.putStream(key, content, contentType, objects.partBuffer());
    }

    /** Bytes {@code [start, endExclusive)} of a stored version. */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DependencyUnavailableException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.5,
            delay = 5000,
            failOn = DependencyUnavailableException.class)
    public InputStream open(String key, long start, long endExclusive) {
        return objects.open(key, start, endExclusive);
    }

    /** Removes one version's object; gone already is no error. */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DependencyUnavailableException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.5,
            delay = 5000,
            failOn = DependencyUnavailableException.class)
    public void delete(String key) {
        objects.delete(key);
    }

    /** Removes a document's objects and unfinished multipart uploads. */
    @Timeout(60_000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DependencyUnavailableException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.5,
            delay = 5000,
            failOn = DependencyUnavailableException.class)
    public int deletePrefix(String prefix) {
        return objects.deletePrefix(prefix);
    }

    /** A store through {@link #guarded}'s translation, for a call that reads a stream. */
    public static StoredObject guardedIo(IoCall call) throws IOException {
        try {
            return call.run();
        } catch (FaultToleranceException e) {
            throw new DependencyUnavailableException(ObjectStore.DEPENDENCY, e);
        }
    }

    /** A store that reads a stream. */
    @FunctionalInterface
    public interface IoCall {
        StoredObject run() throws IOException;
    }

    /** Runs an S3 call of this class, a timeout or an open circuit answered as S3 being unavailable (503). */
    public static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (FaultToleranceException e) {
            throw new DependencyUnavailableException(ObjectStore.DEPENDENCY, e);
        }
    }
}
