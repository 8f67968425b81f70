package io.lotabots.platform.api;

/**
 * A request's declared length, read from the header as a {@code long}: JAX-RS's {@code getLength()} is an
 * {@code int}, and RESTEasy's fails with a NumberFormatException past 2 GiB (a 500 for a large upload).
 */
public final class ContentLength {

    private ContentLength() {}

    /** The declared length, or -1 when there is none or it is no number (the container refuses those). */
    public static long of(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            long length = Long.parseLong(header.strip());
            return length < 0 ? -1 : length;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
