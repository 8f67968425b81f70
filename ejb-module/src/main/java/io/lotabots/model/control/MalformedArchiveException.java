package io.lotabots.model.control;

/** A zip archive that cannot be read as one model directory; the message completes "The archive …". */
public class MalformedArchiveException extends RuntimeException {

    private final String entry;

    public MalformedArchiveException(String message) {
        this(null, message);
    }

    /** A problem with one entry, named so that the uploader can find it. */
    public MalformedArchiveException(String entry, String message) {
        super(message);
        this.entry = entry;
    }

    /** The entry at fault, or null when the archive as a whole is. */
    public String entry() {
        return entry;
    }
}
