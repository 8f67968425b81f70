package io.lotabots.model.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The files of one stored model, readable without knowing where they live: S3 in the server, a folder in
 * tests and benchmarks. A single-file model is a tree of one file. Verifiers read through this, so what they
 * check is exactly what was stored.
 */
public interface ModelTree {

    /** Every entry, sorted by path. */
    List<ModelFile> files();

    /** The whole content of one entry; the caller closes the stream. */
    InputStream open(String path) throws IOException;

    /** Bytes {@code [start, endExclusive)} of one entry, for range reads such as signature shards. */
    InputStream open(String path, long start, long endExclusive) throws IOException;
}
