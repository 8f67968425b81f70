package io.lotabots.audit.control;

/** A checkpoint token that is malformed, not ES256, of another type, or not signed by the key. */
public class CheckpointRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointRejectedException(String message) {
        super(message);
    }

    public CheckpointRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
