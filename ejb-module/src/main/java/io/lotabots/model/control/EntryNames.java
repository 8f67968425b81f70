package io.lotabots.model.control;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The paths of a model directory's files as an archive names them, held to what every consumer can
 * store and what no extractor may be tricked by: relative, '/'-separated, no '..' or '.' or empty
 * segment, no backslash, no drive letter, no control character, each path once, and no path that is
 * both a file and a directory. One instance checks one archive.
 */
public final class EntryNames {

    /** S3 keys are at most 1024 bytes; the path is stored beside the key, so the same bound. */
    public static final int MAX_PATH_BYTES = 1024;

    private final Set<String> files = new HashSet<>();
    private final Set<String> directories = new HashSet<>();

    /** What is wrong with one entry's name on its own, if anything. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("has an empty name");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return Optional.of("has a name longer than " + MAX_PATH_BYTES + " bytes");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("has a backslash in its name");
        }
        if (name.startsWith("/")) {
            return Optional.of("has an absolute path");
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return Optional.of("has a drive-letter path");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("has a control character in its name");
            }
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("climbs out of the model with '..'");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("has an empty or '.' path segment");
            }
        }
        return Optional.empty();
    }

    /** Adds a file's path (checked by {@link #problem} first); what clashes with the paths seen so far. */
    public Optional<String> addFile(String path) {
        if (files.contains(path)) {
            return Optional.of("appears twice in the archive");
        }
        if (directories.contains(path)) {
            return Optional.of("is both a file and a directory");
        }
        for (String parent : parents(path)) {
            if (files.contains(parent)) {
                return Optional.of("lies under " + parent + ", which is a file");
            }
        }
        files.add(path);
        directories.addAll(parents(path));
        return Optional.empty();
    }

    /** Adds a directory entry's path, without its trailing '/'; what clashes with a file of that path. */
    public Optional<String> addDirectory(String path) {
        if (files.contains(path)) {
            return Optional.of("is both a file and a directory");
        }
        for (String parent : parents(path)) {
            if (files.contains(parent)) {
                return Optional.of("lies under " + parent + ", which is a file");
            }
        }
        directories.add(path);
        directories.addAll(parents(path));
        return Optional.empty();
    }

    private static Set<String> parents(String path) {
        Set<String> parents = new HashSet<>();
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            parents.add(path.substring(0, slash));
        }
        return parents;
    }
}
