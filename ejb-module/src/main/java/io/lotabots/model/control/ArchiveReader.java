package io.lotabots.model.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip archive of a model directory front to back while it is received, handing each regular
 * entry to an {@link EntryStore} as it comes (nothing of the archive is held but one entry's stream and
 * the archive's last bytes). Entry names are held to {@link EntryNames}; the central directory at the end
 * must list exactly the entries the local headers named, and marks which are symbolic links.
 */
public final class ArchiveReader {

    /** Stores one entry's bytes, read from {@code content} until it ends. */
    @FunctionalInterface
    public interface EntryStore {
        ReceivedFile store(String path, int ordinal, InputStream content) throws IOException;
    }

    private final int maxFiles;
    private final int directoryBytes;

    /**
     * @param maxFiles the most regular files a model may have
     * @param directoryBytes the most bytes kept for the central directory and end records
     */
    public ArchiveReader(int maxFiles, int directoryBytes) {
        this.maxFiles = maxFiles;
        this.directoryBytes = directoryBytes;
    }

    /**
     * The archive's files, in archive order, each stored by {@code store}.
     *
     * @throws MalformedArchiveException naming the entry at fault, for anything that makes it no model directory
     * @throws IOException when reading the archive itself fails (the upload broke off)
     */
    public List<ReceivedFile> read(InputStream archive, EntryStore store) throws IOException {
        var tail = new TailRecorder(archive, directoryBytes);
        var zip = new ZipInputStream(tail, StandardCharsets.UTF_8);
        var names = new EntryNames();
        List<String> localNames = new ArrayList<>();
        List<ReceivedFile> files = new ArrayList<>();
        for (ZipEntry entry = next(zip, localNames); entry != null; entry = next(zip, localNames)) {
            String name = entry.getName();
            localNames.add(name);
            EntryNames.problem(name).ifPresent(problem -> {
                throw new MalformedArchiveException(name, problem);
            });
            if (entry.isDirectory()) {
                names.addDirectory(name.substring(0, name.length() - 1)).ifPresent(problem -> {
                    throw new MalformedArchiveException(name, problem);
                });
                continue;
            }
            names.addFile(name).ifPresent(problem -> {
                throw new MalformedArchiveException(name, problem);
            });
            if (files.size() == maxFiles) {
                throw new MalformedArchiveException(
                        name, "is one file more than the " + maxFiles + " a model may have");
            }
            try {
                files.add(store.store(name, files.size(), zip));
            } catch (ZipException e) {
                throw new MalformedArchiveException(name, "cannot be read: " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new MalformedArchiveException("holds no files");
        }
        tail.drain();
        return markSymlinks(files, localNames, CentralDirectory.read(tail.tail(), tail.total()));
    }

    private static ZipEntry next(ZipInputStream zip, List<String> seen) throws IOException {
        String after = seen.isEmpty() ? "at the start" : "after " + seen.get(seen.size() - 1);
        try {
            return zip.getNextEntry();
        } catch (ZipException e) {
            throw new MalformedArchiveException("has an unreadable entry " + after + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // the JDK's word for a name that is not UTF-8
            throw new MalformedArchiveException("has an entry name that is not UTF-8 " + after);
        }
    }

    private static List<ReceivedFile> markSymlinks(
            List<ReceivedFile> files, List<String> localNames, List<CentralDirectory.Entry> central) {
        var centralNames =
                central.stream().map(CentralDirectory.Entry::name).sorted().toList();
        var sortedLocal = localNames.stream().sorted().toList();
        if (!centralNames.equals(sortedLocal)) {
            String differing = firstDifference(sortedLocal, centralNames);
            throw new MalformedArchiveException(
                    differing,
                    "is not listed alike in the local headers and the central directory (they name different entries)");
        }
        Map<String, Boolean> symlinks = new HashMap<>();
        central.forEach(e -> symlinks.put(e.name(), e.symlink()));
        return files.stream()
                .map(f -> f.withSymlink(symlinks.getOrDefault(f.path(), false)))
                .toList();
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return a.get(i).compareTo(b.get(i)) < 0 ? a.get(i) : b.get(i);
            }
        }
        return a.size() > b.size() ? a.get(b.size()) : b.get(a.size());
    }
}
