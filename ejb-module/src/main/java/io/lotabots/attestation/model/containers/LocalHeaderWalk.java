package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds a zip's members without its central directory, header after header from the start, as a recovery when the
 * directory is damaged: a loader that recovers the same way (or reads one member by its known name) would still
 * load them, so they are scanned. A deflated member's end is found by inflating it (within the limits); a stored
 * member whose size is only in a trailing data descriptor ends the walk.
 */
final class LocalHeaderWalk {

    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;

    private LocalHeaderWalk() {}

    static List<ZipEntry> walk(ScanContext context, ByteSource source) {
        List<ZipEntry> entries = new ArrayList<>();
        long position = 0;
        long size = source.size();
        try {
            while (position + 30 <= size && entries.size() <= context.limits().maxEntries()) {
                ZipEntry entry = header(context, source, position);
                if (entry == null) {
                    break;
                }
                entries.add(entry);
                position = entry.dataStart() + entry.compressedSize();
                if ((entry.flags() & ZipEntry.DATA_DESCRIPTOR) != 0) {
                    position += descriptor(source, position);
                }
            }
        } catch (MalformedModelException e) {
            context.report(e);
        }
        return entries;
    }

    private static ZipEntry header(ScanContext context, ByteSource source, long at) {
        try (var in = new ModelInput(source, at, source.size(), "zip")) {
            if (in.u32() != LOCAL) {
                return null;
            }
            in.u16();
            int flags = in.u16();
            int method = in.u16();
            in.u32();
            long crc = in.u32();
            long compressed = in.u32();
            long size = in.u32();
            int nameLength = in.u16();
            int extraLength = in.u16();
            byte[] raw = in.bytes("local name", nameLength);
            in.skip(extraLength);
            long dataStart = in.position();
            String name = new String(
                    raw, (flags & ZipEntry.UTF8) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            boolean descriptor = (flags & ZipEntry.DATA_DESCRIPTOR) != 0;
            if (method == 8 && (descriptor || compressed == 0xFFFFFFFFL)) {
                compressed = deflatedLength(context, source, dataStart, name);
            } else if (descriptor || compressed == 0xFFFFFFFFL) {
                context.report(
                        "zip.unwalkable",
                        ModelRisk.MALFORMED,
                        at,
                        "'" + EntryPaths.shown(name)
                                + "' gives its size only after its data; the members after it were " + "not found");
                return null;
            }
            if (compressed < 0 || compressed > source.size() - dataStart) {
                throw new MalformedModelException(
                        "zip.entry-out-of-range",
                        at,
                        "'" + EntryPaths.shown(name) + "' runs past the end of the archive");
            }
            return new ZipEntry(name, raw, flags, method, crc, compressed, size, at, 0, 0, dataStart);
        }
    }

    /** Compressed bytes of a deflate stream, found by inflating it into nothing within the ratio limit. */
    private static long deflatedLength(ScanContext context, ByteSource source, long start, String name) {
        var guard = new InflationGuard(context, name, source.size() - start, -1);
        var inflater = new Inflater(true);
        byte[] input = new byte[64 * 1024];
        byte[] output = new byte[64 * 1024];
        try (InputStream in = source.open(start, source.size())) {
            while (!inflater.finished() && !guard.stopped()) {
                if (inflater.needsInput()) {
                    int n = in.read(input);
                    if (n < 0) {
                        break;
                    }
                    inflater.setInput(input, 0, n);
                }
                guard.accept(inflater.inflate(output));
            }
            if (!inflater.finished()) {
                throw new MalformedModelException(
                        "zip.truncated-member",
                        start,
                        "'" + EntryPaths.shown(name) + "' ends inside its compressed data");
            }
            return inflater.getBytesRead();
        } catch (IOException | DataFormatException e) {
            throw new MalformedModelException(
                    "zip.bad-deflate", start, "'" + EntryPaths.shown(name) + "' is not a valid deflate stream");
        } finally {
            inflater.end();
        }
    }

    private static long descriptor(ByteSource source, long at) {
        if (at + 4 > source.size()) {
            return 0;
        }
        try (var in = new ModelInput(source, at, Math.min(source.size(), at + 16), "zip")) {
            return in.u32() == DESCRIPTOR ? 16 : 12;
        }
    }
}
