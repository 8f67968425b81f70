package io.lotabots.attestation.model.testing;

import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A model held in memory, for tests of hand-built bytes; links are entries whose bytes are their target. */
public final class MemoryModelTree implements ModelTree {

    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, Boolean> links = new TreeMap<>();

    public static MemoryModelTree of(String path, byte[] content) {
        return new MemoryModelTree().with(path, content);
    }

    public MemoryModelTree with(String path, byte[] content) {
        files.put(path, content);
        links.put(path, false);
        return this;
    }

    public MemoryModelTree withLink(String path, String target) {
        files.put(path, target.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        links.put(path, true);
        return this;
    }

    @Override
    public List<ModelFile> files() {
        List<ModelFile> list = new ArrayList<>();
        files.forEach((path, bytes) -> list.add(new ModelFile(path, bytes.length, sha256(bytes), links.get(path))));
        return list;
    }

    @Override
    public InputStream open(String path) throws FileNotFoundException {
        return new ByteArrayInputStream(bytes(path));
    }

    @Override
    public InputStream open(String path, long start, long endExclusive) throws FileNotFoundException {
        byte[] bytes = bytes(path);
        if (start < 0 || endExclusive > bytes.length || endExclusive < start) {
            throw new IllegalArgumentException("range outside " + path);
        }
        return new ByteArrayInputStream(bytes, (int) start, (int) (endExclusive - start));
    }

    private byte[] bytes(String path) throws FileNotFoundException {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new FileNotFoundException(path);
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
