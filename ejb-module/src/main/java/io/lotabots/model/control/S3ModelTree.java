package io.lotabots.model.control;

import io.lotabots.platform.storage.ObjectStore;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stored model's files read from S3 where the upload put them; ranges are HTTP range reads, so a
 * verifier reading a shard of a large file fetches only that shard.
 */
public final class S3ModelTree implements ModelTree {

    private final ObjectStore store;
    private final List<ModelFile> files;
    private final Map<String, ReceivedFile> byPath;

    public S3ModelTree(ObjectStore store, List<ReceivedFile> received) {
        this.store = store;
        this.files = received.stream()
                .map(ReceivedFile::toModelFile)
                .sorted(Comparator.comparing(ModelFile::path))
                .toList();
        this.byPath = received.stream().collect(Collectors.toMap(ReceivedFile::path, Function.identity()));
    }

    @Override
    public List<ModelFile> files() {
        return files;
    }

    @Override
    public InputStream open(String path) throws FileNotFoundException {
        return store.open(file(path).objectKey());
    }

    @Override
    public InputStream open(String path, long start, long endExclusive) throws FileNotFoundException {
        ReceivedFile file = file(path);
        if (start < 0 || endExclusive < start || endExclusive > file.size()) {
            throw new IndexOutOfBoundsException(
                    "range [" + start + ", " + endExclusive + ") of " + path + ", which has " + file.size() + " bytes");
        }
        return store.open(file.objectKey(), start, endExclusive);
    }

    private ReceivedFile file(String path) throws FileNotFoundException {
        ReceivedFile file = byPath.get(path);
        if (file == null) {
            throw new FileNotFoundException("The model has no file " + path);
        }
        return file;
    }
}
