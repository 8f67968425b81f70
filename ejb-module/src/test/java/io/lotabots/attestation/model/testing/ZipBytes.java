package io.lotabots.attestation.model.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Zip archives written field by field, so each field can lie the way an attacker's would. */
public final class ZipBytes {

    /** One member; every field defaults to the honest value. */
    public static final class Entry {
        String name;
        String localName;
        byte[] content;
        boolean deflate;
        int flags;
        Integer method;
        Long crc;
        Long size;
        Long compressedSize;
        int madeBy = 20;
        long external;
        byte[] rawName;
        Integer localFlags;
        byte[] afterData = new byte[0];
        int offsetDelta;
        byte[] centralExtra = new byte[0];

        /** The name's bytes as written, whatever the encoding flag says. */
        public Entry rawName(byte[] bytes) {
            rawName = bytes;
            return this;
        }

        public Entry localFlags(int f) {
            localFlags = f;
            return this;
        }

        /** Bytes written after the member's data and counted in its compressed size. */
        public Entry afterData(byte[] bytes) {
            afterData = bytes;
            return this;
        }

        /** Moves the directory's pointer to the local header by this many bytes. */
        public Entry offsetDelta(int delta) {
            offsetDelta = delta;
            return this;
        }

        public Entry centralExtra(byte[] bytes) {
            centralExtra = bytes;
            return this;
        }

        public Entry localName(String n) {
            localName = n;
            return this;
        }

        public Entry deflate() {
            deflate = true;
            return this;
        }

        public Entry flags(int f) {
            flags = f;
            return this;
        }

        public Entry method(int m) {
            method = m;
            return this;
        }

        public Entry crc(long c) {
            crc = c;
            return this;
        }

        public Entry size(long s) {
            size = s;
            return this;
        }

        public Entry compressedSize(long s) {
            compressedSize = s;
            return this;
        }

        public Entry symlink() {
            madeBy = 3 << 8 | 20;
            external = 0120777L << 16;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] prefix = new byte[0];
    private byte[] gap = new byte[0];
    private Integer declaredEntries;
    private boolean overlapLastTwo;
    private int disk;
    private boolean zip64Marker;

    public ZipBytes disk(int number) {
        disk = number;
        return this;
    }

    /** Marks the end record's counts as "see zip64" without writing a zip64 record. */
    public ZipBytes zip64Marker() {
        zip64Marker = true;
        return this;
    }

    public Entry add(String name, byte[] content) {
        var e = new Entry();
        e.name = name;
        e.content = content;
        entries.add(e);
        return e;
    }

    public ZipBytes file(String name, byte[] content) {
        add(name, content);
        return this;
    }

    public ZipBytes add(String name, String content) {
        add(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public ZipBytes prefix(byte[] bytes) {
        prefix = bytes;
        return this;
    }

    /** Bytes between the last member and the central directory. */
    public ZipBytes gap(byte[] bytes) {
        gap = bytes;
        return this;
    }

    public ZipBytes declaredEntries(int n) {
        declaredEntries = n;
        return this;
    }

    /** The last central directory entry points at the previous member's local header. */
    public ZipBytes overlapLastTwo() {
        overlapLastTwo = true;
        return this;
    }

    public byte[] build() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        var central = new ByteArrayOutputStream();
        long previousOffset = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] body = e.deflate ? deflate(e.content) : e.content;
            byte[] data = java.util.Arrays.copyOf(body, body.length + e.afterData.length);
            System.arraycopy(e.afterData, 0, data, body.length, e.afterData.length);
            var crc32 = new CRC32();
            crc32.update(e.content);
            long crc = e.crc != null ? e.crc : crc32.getValue();
            int method = e.method != null ? e.method : e.deflate ? 8 : 0;
            long size = e.size != null ? e.size : e.content.length;
            long compressed = e.compressedSize != null ? e.compressedSize : data.length;
            long offset = out.size();
            byte[] name = e.rawName != null ? e.rawName : e.name.getBytes(StandardCharsets.UTF_8);
            byte[] local = e.localName != null ? e.localName.getBytes(StandardCharsets.UTF_8) : name;
            le(out, 0x04034b50, 4);
            le(out, 20, 2);
            le(out, e.localFlags != null ? e.localFlags : e.flags, 2);
            le(out, method, 2);
            le(out, 0, 4);
            le(out, crc, 4);
            le(out, compressed, 4);
            le(out, size, 4);
            le(out, local.length, 2);
            le(out, 0, 2);
            out.writeBytes(local);
            out.writeBytes(data);
            long pointTo = overlapLastTwo && i == entries.size() - 1 ? previousOffset : offset;
            previousOffset = offset;
            le(central, 0x02014b50, 4);
            le(central, e.madeBy, 2);
            le(central, 20, 2);
            le(central, e.flags, 2);
            le(central, method, 2);
            le(central, 0, 4);
            le(central, crc, 4);
            le(central, compressed, 4);
            le(central, size, 4);
            le(central, name.length, 2);
            le(central, e.centralExtra.length, 2);
            le(central, 0, 2);
            le(central, 0, 2);
            le(central, 0, 2);
            le(central, e.external, 4);
            le(central, pointTo - prefix.length + e.offsetDelta, 4);
            central.writeBytes(name);
            central.writeBytes(e.centralExtra);
        }
        out.writeBytes(gap);
        long centralStart = out.size() - prefix.length;
        byte[] directory = central.toByteArray();
        out.writeBytes(directory);
        int count = declaredEntries != null ? declaredEntries : entries.size();
        le(out, 0x06054b50, 4);
        le(out, disk, 2);
        le(out, 0, 2);
        le(out, zip64Marker ? 0xFFFF : count, 2);
        le(out, zip64Marker ? 0xFFFF : count, 2);
        le(out, directory.length, 4);
        le(out, centralStart, 4);
        le(out, 0, 2);
        return out.toByteArray();
    }

    public static byte[] deflate(byte[] content) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void le(ByteArrayOutputStream out, long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }
}
