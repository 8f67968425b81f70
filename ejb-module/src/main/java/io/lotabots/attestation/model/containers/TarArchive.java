package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.nio.charset.StandardCharsets;

/**
 * A tar archive (v7, ustar, GNU long names, pax headers) inside a model: header after header, each checksum
 * checked; regular members are scanned in place as slices of the archive; links are reported with their targets,
 * device and FIFO entries are suspicious, sparse and unknown entry types unreadable. After the two zero blocks
 * that end the archive only zero padding may follow.
 */
public final class TarArchive {

    private TarArchive() {}

    public static void scan(ScanContext context, ByteSource source) {
        var paths = new EntryPaths("container");
        String longName = null;
        String longLink = null;
        String paxPath = null;
        String paxLink = null;
        long paxSize = -1;
        try (var in = new ModelInput(source, "tar")) {
            while (true) {
                if (in.remaining() < 512) {
                    context.report(
                            "tar.truncated",
                            ModelRisk.MALFORMED,
                            in.position(),
                            "the archive ends without its two zero blocks");
                    return;
                }
                long at = in.position();
                byte[] header = in.bytes("header", 512);
                if (allZero(header)) {
                    end(context, in);
                    return;
                }
                if (!TarHeaderChecksum.valid(header)) {
                    throw new MalformedModelException(
                            "tar.bad-checksum",
                            at,
                            "the header at offset " + at
                                    + " has a wrong checksum; the rest of the archive cannot be trusted");
                }
                if (!context.takeEntry()) {
                    throw new MalformedModelException(
                            "container.too-many-entries",
                            at,
                            "the archive has more entries than the "
                                    + context.limits().maxEntries() + " scanned per file; the rest were not read");
                }
                char type = (char) header[156];
                long size = paxSize >= 0 ? paxSize : size(header, at);
                long dataStart = in.position();
                if (size > in.remaining()) {
                    throw new MalformedModelException(
                            "tar.truncated",
                            at,
                            "the entry at offset " + at + " declares " + size + " bytes but the archive ends first");
                }
                String name = paxPath != null ? paxPath : longName != null ? longName : name(header);
                String link = paxLink != null ? paxLink : longLink != null ? longLink : text(header, 157, 100);
                boolean meta = type == 'x' || type == 'g' || type == 'L' || type == 'K';
                if (!meta) {
                    longName = null;
                    longLink = null;
                    paxPath = null;
                    paxLink = null;
                    paxSize = -1;
                }
                switch (type) {
                    case 'L' -> longName = longText(in, size);
                    case 'K' -> longLink = longText(in, size);
                    case 'x' -> {
                        var pax = PaxHeader.parse(readAll(in, size), at);
                        paxPath = pax.path();
                        paxLink = pax.linkPath();
                        paxSize = pax.size();
                    }
                    case 'g' -> in.skip(size);
                    case '0', '\0', '7' -> member(context, source, in, paths, name, dataStart, size, at);
                    case '1', '2' -> {
                        paths.check(context, name, at);
                        EntryPaths.link(context, "container", name, link, at, type == '1');
                        in.skip(size);
                    }
                    case '5' -> {
                        paths.check(context, name, at);
                        in.skip(size);
                    }
                    case '3', '4', '6' -> {
                        paths.check(context, name, at);
                        context.report(
                                "tar.special-entry",
                                ModelRisk.SUSPICIOUS,
                                at,
                                "'" + EntryPaths.shown(name) + "' is a device or FIFO, which has no place in a model");
                        in.skip(size);
                    }
                    default -> {
                        paths.check(context, name, at);
                        context.report(
                                "tar.unsupported-entry",
                                ModelRisk.MALFORMED,
                                at,
                                "'" + EntryPaths.shown(name) + "' has the entry type '" + type
                                        + "', which is not read; its content was not checked");
                        in.skip(size);
                    }
                }
                in.skip(padding(size, in.remaining()));
            }
        }
    }

    private static void member(
            ScanContext context,
            ByteSource source,
            ModelInput in,
            EntryPaths paths,
            String name,
            long dataStart,
            long size,
            long at) {
        paths.check(context, name, at);
        try {
            context.scanMember(name, source.slice(dataStart, size));
        } catch (RuntimeException e) {
            context.report(
                    "scan.internal-error",
                    ModelRisk.MALFORMED,
                    at,
                    "'" + EntryPaths.shown(name) + "' could not be scanned: " + e);
        }
        in.skip(size);
    }

    private static void end(ScanContext context, ModelInput in) {
        long at = in.position() - 512;
        if (in.remaining() < 512) {
            context.report(
                    "tar.truncated", ModelRisk.MALFORMED, at, "the archive ends after one of its two zero blocks");
            return;
        }
        byte[] second = in.bytes("end block", 512);
        if (!allZero(second)) {
            context.report("tar.truncated", ModelRisk.MALFORMED, at, "a zero block is not followed by another");
            return;
        }
        while (!in.atLimit()) {
            int n = (int) Math.min(in.remaining(), 64 * 1024);
            if (!allZero(in.bytes("padding", n))) {
                context.report(
                        "tar.trailing-bytes",
                        ModelRisk.SUSPICIOUS,
                        in.position(),
                        "bytes other than zero padding follow the end of the archive");
                return;
            }
        }
    }

    /** Size field: octal digits, or base-256 (GNU) when its first byte has the high bit set. */
    private static long size(byte[] header, long at) {
        if ((header[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                if (value >>> 55 != 0) {
                    throw new MalformedModelException("tar.bad-size", at, "an entry size beyond 2^63");
                }
                value = (value << 8) | (header[i] & 0xFF);
            }
            if ((header[124] & 0x7F) != 0) {
                throw new MalformedModelException("tar.bad-size", at, "an entry size beyond 2^63");
            }
            return value;
        }
        String field = text(header, 124, 12).trim();
        if (!field.matches("[0-7]{1,12}")) {
            throw new MalformedModelException("tar.bad-size", at, "the size field '" + field + "' is not octal");
        }
        return Long.parseLong(field, 8);
    }

    private static String name(byte[] header) {
        String name = text(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
        String prefix = ustar ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String longText(ModelInput in, long size) {
        String text = new String(readAll(in, size), StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        return nul >= 0 ? text.substring(0, nul) : text;
    }

    private static byte[] readAll(ModelInput in, long size) {
        if (size > 1 << 20) {
            throw in.malformed("bad-header", "a long-name or pax header of " + size + " bytes");
        }
        return in.bytes("extended header", (int) size);
    }

    private static long padding(long size, long remaining) {
        return Math.min((512 - size % 512) % 512, remaining);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
