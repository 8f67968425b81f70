package io.lotabots.subjectrequest.control;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a subject's export as a zip, entry by entry as the data is read, and closes it with
 * {@code manifest.json}: every entry's path, size and SHA-256, so the subject can check what they got.
 */
public final class ExportArchive implements AutoCloseable {

    public static final String MANIFEST = "manifest.json";

    private final ZipOutputStream zip;
    private final JsonArrayBuilder entries = Json.createArrayBuilder();
    private final Set<String> paths = new HashSet<>();
    private final JsonObject about;

    /** {@code about} goes into the manifest as it is (subject, tenant, request, time). */
    public ExportArchive(OutputStream out, JsonObject about) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.about = about;
    }

    public void json(String path, Object json) throws IOException {
        bytes(path, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void bytes(String path, byte[] content) throws IOException {
        try (var in = new java.io.ByteArrayInputStream(content)) {
            file(path, in);
        }
    }

    /** Copies {@code content} into the entry {@code path}, digesting it on the way. */
    public void file(String path, InputStream content) throws IOException {
        if (path.equals(MANIFEST) || !paths.add(path)) {
            throw new IllegalArgumentException("duplicate export entry " + path);
        }
        zip.putNextEntry(new ZipEntry(path));
        var digest = sha256();
        long size;
        var out = new DigestOutputStream(new NoClose(zip), digest);
        size = content.transferTo(out);
        zip.closeEntry();
        entries.add(Json.createObjectBuilder()
                .add("path", path)
                .add("size", size)
                .add("sha256", HexFormat.of().formatHex(digest.digest())));
    }

    @Override
    public void close() throws IOException {
        var manifest = Json.createObjectBuilder(about).add("entries", entries).build();
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.close();
    }

    /** A file name safe inside the archive: no directories, no control characters, at most 100 characters. */
    public static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "content";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[^A-Za-z0-9._ -]", "_").replaceAll("^\\.+", "_");
        return clean.isEmpty() ? "content" : clean.substring(0, Math.min(100, clean.length()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip's own stream stays open when an entry's copy is done. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {}
    }
}
