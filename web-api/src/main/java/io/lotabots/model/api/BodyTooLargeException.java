package io.lotabots.model.api;

import io.lotabots.platform.refusal.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The upload's body passed the request size bound while it was being stored. A checked exception, so it
 * crosses the EJB boundary as it is (after the upload cleared what it stored) and the resource answers 413.
 */
class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal problem;

    BodyTooLargeException(Refusal problem) {
        super(problem.getMessage());
        this.problem = problem;
    }

    Refusal problem() {
        return problem;
    }

    /** The body, with the size bound's refusal turned into this exception. */
    static InputStream guard(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (Refusal e) {
                    if (e.kind() == Refusal.Kind.TOO_LARGE) {
                        throw new BodyTooLargeException(e);
                    }
                    throw e;
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (Refusal e) {
                    if (e.kind() == Refusal.Kind.TOO_LARGE) {
                        throw new BodyTooLargeException(e);
                    }
                    throw e;
                }
            }
        };
    }
}
