package io.lotabots.attestation.model.signing;

/**
 * One signed resource: a whole file ({@code start} 0 and {@code end} -1), or bytes {@code [start, end)} of it
 * for the shards method, with its lower-case hex digest.
 */
record SignedResource(String name, String path, long start, long end, String digest) {

    static final long WHOLE_FILE = -1;
}
