package io.lotabots.attestation.model.signing;

import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A model stored in a test folder, recorded the way an upload records it: each file's size and SHA-256 taken
 * once, when the tree is made; a symbolic link is an entry whose bytes are its target. Counts range reads, so
 * tests can see what the verifier read back.
 */
final class FolderModelTree implements ModelTree {

    private final Path root;
    private final List<ModelFile> files;
    final AtomicInteger rangeReads = new AtomicInteger();

    FolderModelTree(Path root) {
        this.root = root;
        this.files = record(root);
    }

    @Override
    public List<ModelFile> files() {
        return files;
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path file = resolve(path);
        if (Files.isSymbolicLink(file)) {
            return new ByteArrayInputStream(linkTarget(file));
        }
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public InputStream open(String path, long start, long endExclusive) throws IOException {
        rangeReads.incrementAndGet();
        Path file = resolve(path);
        if (Files.isSymbolicLink(file)) {
            byte[] target = linkTarget(file);
            return new ByteArrayInputStream(target, (int) start, (int) (endExclusive - start));
        }
        SeekableByteChannel channel = Files.newByteChannel(file, LinkOption.NOFOLLOW_LINKS);
        channel.position(start);
        return new BoundedInputStream(Channels.newInputStream(channel), endExclusive - start);
    }

    private Path resolve(String path) {
        if (files.stream().noneMatch(f -> f.path().equals(path))) {
            throw new IllegalArgumentException("no entry " + path);
        }
        return root.resolve(path);
    }

    private static List<ModelFile> record(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<ModelFile> files = new ArrayList<>();
            for (Path file : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.isSymbolicLink(file) ? linkTarget(file) : Files.readAllBytes(file);
                files.add(new ModelFile(path, bytes.length, sha256(bytes), Files.isSymbolicLink(file)));
            }
            files.sort(Comparator.comparing(ModelFile::path));
            return List.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] linkTarget(Path link) throws IOException {
        return Files.readSymbolicLink(link).toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At most {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(b, off, (int) Math.min(len, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
