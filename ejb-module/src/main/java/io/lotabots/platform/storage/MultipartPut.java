package io.lotabots.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One object sent as an S3 multipart upload from a stream, a part at a time through one {@link PartBuffer}.
 * Whatever fails on the way (the stream, S3, a refusal thrown by the stream) aborts the upload, so S3 keeps
 * no unfinished upload and no parts.
 */
final class MultipartPut {

    private static final Logger LOG = Logger.getLogger(MultipartPut.class.getName());

    private final S3Client s3;
    private final String bucket;
    private final String key;

    MultipartPut(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    /**
     * Sends {@code firstLength} bytes already in the buffer, then the rest of {@code content}; returns the
     * object's size and ETag.
     */
    StoredObject send(PartBuffer buffer, int firstLength, InputStream content, String contentType) throws IOException {
        String uploadId = ObjectStore.call(
                () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType))
                        .uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            int length = firstLength;
            while (length > 0) {
                if (parts.size() == PartBuffer.MAX_PARTS) {
                    throw new ObjectTooLargeException(key, buffer.maxObjectBytes());
                }
                parts.add(part(uploadId, parts.size() + 1, buffer, length));
                size += length;
                length = ObjectStore.fill(buffer, content);
            }
            var completed = List.copyOf(parts);
            var response = ObjectStore.call(() -> s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(completed))));
            return new StoredObject(key, size, response.eTag());
        } catch (IOException | RuntimeException | Error e) {
            abort(uploadId);
            throw e;
        }
    }

    private CompletedPart part(String uploadId, int number, PartBuffer buffer, int length) {
        var body = RequestBody.fromContentProvider(
                () -> new java.io.ByteArrayInputStream(buffer.bytes, 0, length), length, "application/octet-stream");
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
