package io.lotabots.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One object sent as an S3 multipart upload from a stream through one {@link PartBuffer}'s two buffers: a
 * part is sent on {@code sender} while the next is read (and sealed) into the other buffer, so reading and
 * sending overlap instead of taking turns. Whatever fails on the way (the stream, S3, a refusal thrown by the
 * stream) aborts the upload once no part is being sent any more, so S3 keeps no unfinished upload and no parts.
 */
final class MultipartPut {

    private static final Logger LOG = Logger.getLogger(MultipartPut.class.getName());

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final Executor sender;

    MultipartPut(S3Client s3, String bucket, String key, Executor sender) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.sender = sender;
    }

    /**
     * Sends {@code firstLength} bytes already in the buffer, then the rest of {@code content}; returns the
     * object's size and ETag.
     */
    StoredObject send(PartBuffer buffer, int firstLength, InputStream content, String contentType) throws IOException {
        String uploadId = ObjectStore.call(
                () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType))
                        .uploadId());
        FutureTask<CompletedPart> sending = null;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] filled = buffer.bytes;
            byte[] free = buffer.spare();
            long size = 0;
            int length = firstLength;
            int number = 0;
            while (length > 0) {
                if (number == PartBuffer.MAX_PARTS) {
                    throw new ObjectTooLargeException(key, buffer.maxObjectBytes());
                }
                var next = part(uploadId, ++number, filled, length);
                sender.execute(next);
                if (sending != null) {
                    parts.add(sent(sending));
                }
                sending = next;
                size += length;
                // the buffer the finished part was sent from is free again: read the next part into it
                byte[] sentFrom = free;
                free = filled;
                filled = sentFrom;
                length = content.readNBytes(filled, 0, filled.length);
            }
            if (sending != null) {
                parts.add(sent(sending));
                sending = null;
            }
            var completed = List.copyOf(parts);
            var response = ObjectStore.call(() -> s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(completed))));
            return new StoredObject(key, size, response.eTag());
        } catch (IOException | RuntimeException | Error e) {
            if (sending != null) {
                settle(sending);
            }
            abort(uploadId);
            throw e;
        }
    }

    private FutureTask<CompletedPart> part(String uploadId, int number, byte[] bytes, int length) {
        return new FutureTask<>(() -> {
            var body = RequestBody.fromContentProvider(
                    () -> new java.io.ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream");
            var response = ObjectStore.call(() -> s3.uploadPart(
                    b -> b.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) length),
                    body));
            return CompletedPart.builder()
                    .partNumber(number)
                    .eTag(response.eTag())
                    .checksumCRC32(response.checksumCRC32())
                    .build();
        });
    }

    /** The sent part, or what failed sending it, as thrown on the sender. */
    private static CompletedPart sent(FutureTask<CompletedPart> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a part was sent", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException("sending a part failed", e.getCause());
        }
    }

    /** Waits for a part still being sent, whatever its outcome: its buffer is the caller's again afterwards. */
    private static void settle(FutureTask<CompletedPart> part) {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            LOG.log(Level.FINE, "a part sent while the upload failed", e);
        }
    }

    private void abort(String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            // the prefix clean-up of whoever owns the key aborts it later (ObjectStore.deletePrefix)
            LOG.log(Level.WARNING, "Could not abort the multipart upload of " + key, e);
        }
    }
}
