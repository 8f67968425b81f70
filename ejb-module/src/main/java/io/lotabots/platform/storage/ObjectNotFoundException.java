package io.lotabots.platform.storage;

import jakarta.ejb.ApplicationException;

/** The key names no object in the bucket. */
@ApplicationException(rollback = true)
public class ObjectNotFoundException extends RuntimeException {
    public ObjectNotFoundException(String key) {
        super("No object " + key);
    }
}
