package io.lotabots.platform.encryption;

import jakarta.ejb.ApplicationException;

/**
 * A stored object failed its authentication: changed, cut short, reordered, spliced, or its data key is
 * gone (crypto-shredded). Never answered with the bytes read so far being taken as the object.
 */
@ApplicationException(rollback = true)
public class TamperedObjectException extends RuntimeException {

    public TamperedObjectException(String objectKey, String what) {
        super("Stored object " + objectKey + " failed authentication: " + what);
    }

    public TamperedObjectException(String objectKey, String what, Throwable cause) {
        super("Stored object " + objectKey + " failed authentication: " + what, cause);
    }
}
