package io.lotabots.model.control;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A model in a local folder (or a single file), for tests and benchmarks: every regular file and symbolic link
 * below the folder, links never followed (a link's bytes are its target, as {@link ModelFile} says), digests
 * computed once on first use. Paths are '/'-separated and relative to the folder; a single file is a tree of one
 * file named by its file name.
 */
public final class DirectoryModelTree implements ModelTree {

    private final Path root;
    private final Path single;
    private List<ModelFile> files;
    private Map<String, ModelFile> byPath;

    public DirectoryModelTree(Path folderOrFile) {
        Path path = folderOrFile.toAbsolutePath().normalize();
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            this.root = path.getParent();
            this.single = path;
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            this.root = path;
            this.single = null;
        } else {
            throw new IllegalArgumentException(folderOrFile + " is neither a folder nor a regular file");
        }
    }

    @Override
    public synchronized List<ModelFile> files() {
        if (files == null) {
            List<ModelFile> list = new ArrayList<>();
            for (Path file : paths()) {
                list.add(describe(file));
            }
            list.sort(Comparator.comparing(ModelFile::path));
            files = List.copyOf(list);
            byPath = files.stream().collect(Collectors.toMap(ModelFile::path, Function.identity()));
        }
        return files;
    }

    @Override
    public InputStream open(String path) throws IOException {
        ModelFile file = file(path);
        if (file.symlink()) {
            return new java.io.ByteArrayInputStream(linkTarget(resolve(path)));
        }
        return Files.newInputStream(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public InputStream open(String path, long start, long endExclusive) throws IOException {
        ModelFile file = file(path);
        if (start < 0 || endExclusive < start || endExclusive > file.size()) {
            throw new IllegalArgumentException(
                    "range [" + start + ", " + endExclusive + ") outside " + path + " of " + file.size() + " bytes");
        }
        if (file.symlink()) {
            byte[] target = linkTarget(resolve(path));
            return new java.io.ByteArrayInputStream(target, (int) start, (int) (endExclusive - start));
        }
        FileChannel channel = FileChannel.open(resolve(path), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        channel.position(start);
        InputStream whole = Channels.newInputStream(channel);
        return new InputStream() {
            private long left = endExclusive - start;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = whole.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = whole.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                whole.close();
            }
        };
    }

    private ModelFile file(String path) throws FileNotFoundException {
        files();
        ModelFile file = byPath.get(path);
        if (file == null) {
            throw new FileNotFoundException(path + " is not a file of the model");
        }
        return file;
    }

    private Path resolve(String path) {
        return root.resolve(path);
    }

    private List<Path> paths() {
        if (single != null) {
            return List.of(single);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelFile describe(Path file) {
        String path =
                root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            if (Files.isSymbolicLink(file)) {
                byte[] target = linkTarget(file);
                return new ModelFile(path, target.length, HexFormat.of().formatHex(sha256.digest(target)), true);
            }
            long size = 0;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] buffer = new byte[1 << 20];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sha256.update(buffer, 0, n);
                    size += n;
                }
            }
            return new ModelFile(path, size, HexFormat.of().formatHex(sha256.digest()), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] linkTarget(Path link) throws IOException {
        return Files.readSymbolicLink(link).toString().getBytes(StandardCharsets.UTF_8);
    }
}
