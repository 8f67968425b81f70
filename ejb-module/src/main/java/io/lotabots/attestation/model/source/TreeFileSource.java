package io.lotabots.attestation.model.source;

import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a stored model, read through the tree with range reads, so a check reads exactly the bytes that
 * were stored and seeks (a zip's central directory, a GGUF data section) cost one request, not a download.
 */
public final class TreeFileSource implements ByteSource {

    private final ModelTree tree;
    private final ModelFile file;

    public TreeFileSource(ModelTree tree, ModelFile file) {
        this.tree = tree;
        this.file = file;
    }

    @Override
    public long size() {
        return file.size();
    }

    @Override
    public InputStream open(long start, long endExclusive) throws IOException {
        if (start == 0 && endExclusive == file.size()) {
            return tree.open(file.path());
        }
        return tree.open(file.path(), start, endExclusive);
    }
}
