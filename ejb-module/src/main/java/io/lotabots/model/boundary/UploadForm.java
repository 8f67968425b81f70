package io.lotabots.model.boundary;

import java.io.IOException;
import java.io.InputStream;

/**
 * An upload as it arrives, whatever carries it (the API's multipart body, the console's upload): reading it
 * hands the model's bytes to the sink while they arrive, so they are stored as they are received.
 */
public interface UploadForm {

    /** Where the model's bytes go: called when the content part arrives, read by the sink to its end. */
    @FunctionalInterface
    interface ContentSink {
        void accept(ModelSource source, String fileName, InputStream content) throws IOException;
    }

    /**
     * Reads the whole form, calling {@code sink} for each content part (a second one is refused by the
     * sink); returns the model's name, or null when the form had none.
     */
    String read(ContentSink sink) throws IOException;

    /**
     * What the whole upload declares it will send (its Content-Length), or -1 when unknown: reserved against
     * the quota before anything is read, so an upload that cannot fit is refused at once.
     */
    default long declaredBytes() {
        return -1;
    }
}
