package io.lotabots.platform.storage;

import jakarta.ejb.ApplicationException;

/** A streamed object outgrew what 10 000 parts of the configured part size can hold. */
@ApplicationException(rollback = true)
public class ObjectTooLargeException extends RuntimeException {

    private final long maxBytes;

    public ObjectTooLargeException(String key, long maxBytes) {
        super("Object " + key + " exceeds " + maxBytes
                + " bytes, the most 10 000 parts of lotabots.s3.part-bytes hold");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
