package io.lotabots.model.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory at the end of a zip archive, read from the archive's last bytes: each entry's
 * name and whether its Unix mode says symbolic link (the local headers a stream reader sees carry no
 * mode). Zip64 end records are followed; an archive that spans disks, has bytes after its end record, or
 * whose directory does not end where the end record says is refused.
 */
public final class CentralDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int ENTRY_SIZE = 46;
    private static final int UNIX_HOST = 3;
    private static final int FILE_TYPE = 0170000;
    private static final int SYMLINK_TYPE = 0120000;
    private static final long MAX_COMMENT = 0xffff;

    /** One entry as the central directory lists it. */
    public record Entry(String name, boolean symlink) {}

    private CentralDirectory() {}

    /**
     * The entries of an archive of {@code archiveLength} bytes whose last bytes are {@code tail}.
     *
     * @throws MalformedArchiveException when the end records or the directory cannot be read from the tail
     */
    public static List<Entry> read(byte[] tail, long archiveLength) {
        ByteBuffer bytes = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        long tailStart = archiveLength - tail.length;
        int end = findEnd(tail);
        if (bytes.getShort(end + 4) != 0 || bytes.getShort(end + 6) != 0) {
            throw new MalformedArchiveException("spans several disks");
        }
        long count = bytes.getShort(end + 10) & 0xffffL;
        long size = bytes.getInt(end + 12) & 0xffffffffL;
        long offset = bytes.getInt(end + 16) & 0xffffffffL;
        long directoryEnd = tailStart + end;
        if (count == 0xffff || size == 0xffffffffL || offset == 0xffffffffL) {
            int locator = end - ZIP64_LOCATOR_SIZE;
            if (locator < 0 || bytes.getInt(locator) != ZIP64_LOCATOR_SIGNATURE) {
                throw new MalformedArchiveException("has a zip64 end marker but no zip64 locator");
            }
            long recordOffset = bytes.getLong(locator + 8);
            int record = position(recordOffset, tailStart, tail.length, 56);
            if (bytes.getInt(record) != ZIP64_END_SIGNATURE) {
                throw new MalformedArchiveException("has no zip64 end record where its locator points");
            }
            count = bytes.getLong(record + 32);
            size = bytes.getLong(record + 40);
            offset = bytes.getLong(record + 48);
            directoryEnd = recordOffset;
        }
        if (offset + size != directoryEnd) {
            throw new MalformedArchiveException("has a central directory that does not end where its end record says");
        }
        if (offset < tailStart) {
            throw new MalformedArchiveException(
                    "has a central directory larger than the " + tail.length + " bytes read for it");
        }
        return entries(bytes, (int) (offset - tailStart), (int) (directoryEnd - tailStart), count);
    }

    private static int findEnd(byte[] tail) {
        ByteBuffer bytes = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = tail.length - END_SIZE; at >= 0 && tail.length - END_SIZE - at <= MAX_COMMENT; at--) {
            if (bytes.getInt(at) == END_SIGNATURE
                    && at + END_SIZE + (bytes.getShort(at + 20) & 0xffff) == tail.length) {
                return at;
            }
        }
        throw new MalformedArchiveException("has no end of central directory record at its end");
    }

    private static int position(long offset, long tailStart, int tailLength, int needed) {
        if (offset < tailStart || offset - tailStart + needed > tailLength) {
            throw new MalformedArchiveException("has a zip64 end record outside the bytes read for the directory");
        }
        return (int) (offset - tailStart);
    }

    private static List<Entry> entries(ByteBuffer bytes, int start, int end, long count) {
        List<Entry> entries = new ArrayList<>();
        int at = start;
        while (at < end) {
            if (end - at < ENTRY_SIZE || bytes.getInt(at) != ENTRY_SIGNATURE) {
                throw new MalformedArchiveException(
                        "has a damaged central directory entry at directory byte " + (at - start));
            }
            int madeBy = (bytes.getShort(at + 4) & 0xffff) >>> 8;
            int nameLength = bytes.getShort(at + 28) & 0xffff;
            int extraLength = bytes.getShort(at + 30) & 0xffff;
            int commentLength = bytes.getShort(at + 32) & 0xffff;
            long external = bytes.getInt(at + 38) & 0xffffffffL;
            int next = at + ENTRY_SIZE + nameLength + extraLength + commentLength;
            if (next > end) {
                throw new MalformedArchiveException("has a central directory entry that runs past the directory");
            }
            String name = utf8(bytes, at + ENTRY_SIZE, nameLength);
            boolean symlink = madeBy == UNIX_HOST && ((external >>> 16) & FILE_TYPE) == SYMLINK_TYPE;
            entries.add(new Entry(name, symlink));
            at = next;
        }
        if (entries.size() != count) {
            throw new MalformedArchiveException(
                    "lists " + entries.size() + " entries in its central directory but counts " + count);
        }
        return entries;
    }

    /** Names decoded as the stream reader decodes them (UTF-8), so both sides compare as equal strings. */
    private static String utf8(ByteBuffer bytes, int at, int length) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.duplicate().position(at).limit(at + length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedArchiveException("has an entry name that is not UTF-8 in its central directory");
        }
    }
}
