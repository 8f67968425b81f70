package io.lotabots.document.boundary;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;

/** A document upload as it arrives: the content handed on while it is received, the metadata as JSON. */
public interface ContentForm {

    /** Where the content goes: called once when the file part arrives, and read by the sink to its end. */
    @FunctionalInterface
    interface ContentSink {
        void accept(String fileName, String declaredType, InputStream content) throws IOException;
    }

    /** Reads the whole form, handing the file part to {@code sink}; returns the metadata part, or null without one. */
    JsonObject read(ContentSink sink) throws IOException;
}
