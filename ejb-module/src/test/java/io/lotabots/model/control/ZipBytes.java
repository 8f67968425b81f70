package io.lotabots.model.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives for the tests, written by the JDK, with what it cannot write (Unix modes, odd names) patched in. */
final class ZipBytes {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private boolean stored;

    static ZipBytes archive() {
        return new ZipBytes();
    }

    ZipBytes entry(String name, String content) {
        return entry(name, content.getBytes(StandardCharsets.UTF_8));
    }

    ZipBytes entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /** Entries STORED with their sizes in the local header, as torch.save writes them. */
    ZipBytes stored() {
        this.stored = true;
        return this;
    }

    byte[] bytes() {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                var entry = new ZipEntry(e.getKey());
                if (stored) {
                    var crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Marks the central directory entry named {@code name} as a Unix symbolic link (mode 0120777). */
    static byte[] withSymlink(byte[] zip, String name) {
        byte[] copy = zip.clone();
        ByteBuffer bytes = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        int at = centralEntry(copy, name);
        bytes.putShort(at + 4, (short) ((3 << 8) | 20)); // made by Unix, zip 2.0
        bytes.putInt(at + 38, 0120777 << 16);
        return copy;
    }

    /** Renames an entry in the central directory only (same length), as a name-mismatch attack does. */
    static byte[] withCentralName(byte[] zip, String name, String replacement) {
        if (name.length() != replacement.length()) {
            throw new IllegalArgumentException("same length only");
        }
        byte[] copy = zip.clone();
        int at = centralEntry(copy, name);
        System.arraycopy(replacement.getBytes(StandardCharsets.UTF_8), 0, copy, at + 46, replacement.length());
        return copy;
    }

    /** Renames an entry in its local header only (same length). */
    static byte[] withLocalName(byte[] zip, String name, String replacement) {
        byte[] copy = zip.clone();
        ByteBuffer bytes = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 30 < copy.length; at++) {
            if (bytes.getInt(at) == 0x04034b50
                    && nameAt(copy, at + 30, bytes.getShort(at + 26)).equals(name)) {
                System.arraycopy(replacement.getBytes(StandardCharsets.UTF_8), 0, copy, at + 30, replacement.length());
                return copy;
            }
        }
        throw new IllegalArgumentException("no local header for " + name);
    }

    private static int centralEntry(byte[] zip, String name) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (bytes.getInt(at) == 0x02014b50
                    && nameAt(zip, at + 46, bytes.getShort(at + 28)).equals(name)) {
                return at;
            }
        }
        throw new IllegalArgumentException("no central directory entry for " + name);
    }

    private static String nameAt(byte[] zip, int at, short length) {
        return new String(zip, at, Math.min(length & 0xffff, zip.length - at), StandardCharsets.UTF_8);
    }
}
