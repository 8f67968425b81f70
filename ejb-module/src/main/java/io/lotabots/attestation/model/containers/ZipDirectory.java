package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a zip, found from its end record (zip64 included), read strictly: the end record must
 * end the file exactly (its comment included), the directory must lie where the end record says, before it, and
 * hold as many entries as it declares. What is read here is what torch.load and Python's zipfile trust; the local
 * headers are compared with it afterwards.
 */
final class ZipDirectory {

    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int LOCATOR64 = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final Charset CP437 = cp437();

    record Layout(List<ZipEntry> entries, long directoryStart, long directoryEnd) {}

    private ZipDirectory() {}

    /** Reads at most {@code cap} entries: an archive may declare millions, and the scan counts them anyway. */
    static Layout read(ByteSource source, int cap) {
        long size = source.size();
        long end = findEnd(source);
        long entries;
        long directorySize;
        long directoryStart;
        try (var in = new ModelInput(source, end, size, "zip")) {
            in.skip(4);
            int disk = in.u16();
            int directoryDisk = in.u16();
            int onDisk = in.u16();
            entries = in.u16();
            directorySize = in.u32();
            directoryStart = in.u32();
            if (disk != 0 || directoryDisk != 0 || onDisk != entries) {
                throw new MalformedModelException("zip.multi-disk", end, "the archive spans several disks");
            }
        }
        if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryStart == 0xFFFFFFFFL) {
            long[] zip64 = zip64End(source, end);
            entries = zip64[0];
            directorySize = zip64[1];
            directoryStart = zip64[2];
        }
        long limit = zip64LocatorStart(source, end);
        if (directoryStart < 0
                || directorySize < 0
                || directoryStart > limit
                || directorySize > limit - directoryStart) {
            throw new MalformedModelException(
                    "zip.bad-directory",
                    end,
                    "the central directory [" + directoryStart + ", +" + directorySize + ") lies outside the archive");
        }
        if (directoryStart + directorySize != limit) {
            throw new MalformedModelException(
                    "zip.bad-directory",
                    end,
                    "the central directory ends at " + (directoryStart + directorySize)
                            + " but the end record starts at " + limit);
        }
        List<ZipEntry> list = new ArrayList<>();
        try (var in = new ModelInput(source, directoryStart, directoryStart + directorySize, "zip")) {
            while (!in.atLimit() && list.size() < cap) {
                list.add(entry(in));
            }
        }
        if (list.size() < cap && list.size() != entries) {
            throw new MalformedModelException(
                    "zip.bad-directory",
                    directoryStart,
                    "the end record counts " + entries + " entries but the " + "directory holds " + list.size());
        }
        return new Layout(list, directoryStart, directoryStart + directorySize);
    }

    private static ZipEntry entry(ModelInput in) {
        long at = in.position();
        if (in.u32() != CENTRAL) {
            throw new MalformedModelException("zip.bad-directory", at, "a central directory entry has a bad signature");
        }
        int madeBy = in.u16();
        in.u16();
        int flags = in.u16();
        int method = in.u16();
        in.u32();
        long crc = in.u32();
        long compressed = in.u32();
        long size = in.u32();
        int nameLength = in.u16();
        int extraLength = in.u16();
        int commentLength = in.u16();
        in.u16();
        in.u16();
        long external = in.u32();
        long offset = in.u32();
        byte[] rawName = in.bytes("entry name", nameLength);
        long extraEnd = in.position() + extraLength;
        while (in.position() + 4 <= extraEnd) {
            int id = in.u16();
            int length = in.u16();
            if (in.position() + length > extraEnd) {
                throw new MalformedModelException("zip.bad-extra", at, "an extra field runs past its entry");
            }
            if (id == 0x0001) {
                long fieldEnd = in.position() + length;
                if (size == 0xFFFFFFFFL && in.position() + 8 <= fieldEnd) {
                    size = in.u64();
                }
                if (compressed == 0xFFFFFFFFL && in.position() + 8 <= fieldEnd) {
                    compressed = in.u64();
                }
                if (offset == 0xFFFFFFFFL && in.position() + 8 <= fieldEnd) {
                    offset = in.u64();
                }
                in.skip(fieldEnd - in.position());
            } else {
                in.skip(length);
            }
        }
        in.skip(extraEnd - in.position());
        in.skip(commentLength);
        if (size < 0 || compressed < 0 || offset < 0) {
            throw new MalformedModelException("zip.bad-directory", at, "an entry declares a size beyond 2^63");
        }
        String name = (flags & ZipEntry.UTF8) != 0 ? strictUtf8(rawName, at) : new String(rawName, CP437);
        return new ZipEntry(name, rawName, flags, method, crc, compressed, size, offset, madeBy, external, -1);
    }

    /** The end record: the last signature whose comment length reaches exactly the end of the file. */
    private static long findEnd(ByteSource source) {
        long size = source.size();
        long from = Math.max(0, size - 22 - 65535);
        int window = (int) (size - from);
        byte[] tail;
        try (var in = new ModelInput(source, from, size, "zip")) {
            tail = in.bytes("archive end", window);
        }
        for (int i = window - 22; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                int comment = (tail[i + 20] & 0xFF) | (tail[i + 21] & 0xFF) << 8;
                if (i + 22 + comment == window) {
                    return from + i;
                }
            }
        }
        throw new MalformedModelException(
                "zip.no-end-record", size, "no end-of-central-directory record ends the archive");
    }

    /** Where the directory must end: at the zip64 end record when there is one, else at the end record. */
    private static long zip64LocatorStart(ByteSource source, long end) {
        if (end < 20) {
            return end;
        }
        try (var in = new ModelInput(source, end - 20, end, "zip")) {
            if (in.u32() != LOCATOR64) {
                return end;
            }
        }
        return zip64RecordOffset(source, end);
    }

    private static long zip64RecordOffset(ByteSource source, long end) {
        try (var in = new ModelInput(source, end - 20, end, "zip")) {
            in.skip(8);
            long offset = in.u64();
            if (offset < 0 || offset > end - 20 - 56) {
                throw new MalformedModelException(
                        "zip.bad-zip64", end - 20, "the zip64 locator points outside the archive");
            }
            return offset;
        }
    }

    /** {entries, directory size, directory start} from the zip64 end record. */
    private static long[] zip64End(ByteSource source, long end) {
        if (end < 20) {
            throw new MalformedModelException("zip.bad-zip64", end, "zip64 sizes without a zip64 locator");
        }
        try (var locator = new ModelInput(source, end - 20, end, "zip")) {
            if (locator.u32() != LOCATOR64) {
                throw new MalformedModelException("zip.bad-zip64", end, "zip64 sizes without a zip64 locator");
            }
        }
        long record = zip64RecordOffset(source, end);
        try (var in = new ModelInput(source, record, end - 20, "zip")) {
            if (in.u32() != END64) {
                throw new MalformedModelException("zip.bad-zip64", record, "the zip64 end record has a bad signature");
            }
            long recordSize = in.u64();
            if (recordSize < 44 || record + 12 + recordSize != end - 20) {
                throw new MalformedModelException(
                        "zip.bad-zip64", record, "the zip64 end record does not end at its locator");
            }
            in.skip(4 + 4 + 4);
            long onDisk = in.u64();
            long entries = in.u64();
            long directorySize = in.u64();
            long directoryStart = in.u64();
            if (onDisk != entries || entries < 0) {
                throw new MalformedModelException("zip.multi-disk", record, "the archive spans several disks");
            }
            return new long[] {entries, directorySize, directoryStart};
        }
    }

    private static String strictUtf8(byte[] raw, long at) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(raw))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedModelException(
                    "zip.bad-name", at, "an entry flagged UTF-8 has a name that is not UTF-8");
        }
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
