package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A zip archive inside a model, opened for scanning. Its central directory is read strictly ({@link
 * ZipDirectory}); every entry is checked (name, duplicates, links, encryption and flags a loader refuses, method,
 * its local header agreeing with the directory, its data inside the archive and not shared with another entry);
 * bytes no entry accounts for are reported. When the directory cannot be read, the members are found by walking
 * the local headers instead, so a corrupt directory never makes an archive look empty. Members are decompressed
 * within the scan's limits and their CRCs checked (torch.load ignores a bad CRC, so a bad CRC is a finding, not a
 * reason to skip).
 */
public final class ZipArchive {

    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;

    private final ScanContext context;
    private final ByteSource source;
    private final List<ZipEntry> members = new ArrayList<>();

    private ZipArchive(ScanContext context, ByteSource source) {
        this.context = context;
        this.source = source;
    }

    /** Reads and checks the archive's entries, reporting what is wrong; never throws for bad content. */
    public static ZipArchive open(ScanContext context, ByteSource source) {
        var archive = new ZipArchive(context, source);
        List<ZipEntry> entries;
        long directoryStart;
        try {
            var layout = ZipDirectory.read(source, context.limits().maxEntries() + 1);
            entries = layout.entries();
            directoryStart = layout.directoryStart();
        } catch (MalformedModelException e) {
            context.report(e);
            context.report(
                    "zip.no-central-directory",
                    ModelRisk.MALFORMED,
                    "the central directory could not be read; members were found by walking the local headers");
            entries = LocalHeaderWalk.walk(context, source);
            directoryStart = source.size();
        }
        archive.check(entries, directoryStart);
        return archive;
    }

    /**
     * The member's bytes, decompressed and checked against its declared size and CRC (mismatches are reported);
     * null when they cannot be read at all (reported). The caller closes it.
     */
    public ZipMember open(ZipEntry entry) throws IOException {
        return new ZipMemberReader(context, source).open(entry);
    }

    /** Members with content to scan: files, not folders or links, whose data could be located. */
    public List<ZipEntry> members() {
        return members;
    }

    /** Scans every member not named in {@code data} as content of its own (each on its own: one failure is one finding). */
    public void scanMembers(Set<String> data) {
        for (ZipEntry entry : members) {
            if (data.contains(entry.name())) {
                continue;
            }
            try (var content = open(entry)) {
                if (content != null) {
                    context.scanMember(entry.name(), content.source());
                }
            } catch (MalformedModelException e) {
                context.report(
                        e.rule(),
                        ModelRisk.MALFORMED,
                        e.offset(),
                        "'" + EntryPaths.shown(entry.name()) + "': " + e.detail());
            } catch (IOException | RuntimeException e) {
                context.report(
                        "scan.internal-error",
                        ModelRisk.MALFORMED,
                        "'" + EntryPaths.shown(entry.name()) + "' could not be scanned: " + e);
            }
        }
    }

    // ---- entry checks

    private void check(List<ZipEntry> entries, long directoryStart) {
        var paths = new EntryPaths("container");
        List<long[]> spans = new ArrayList<>();
        boolean counted = true;
        for (ZipEntry listed : entries) {
            if (counted && !context.takeEntry()) {
                counted = false;
                context.report(
                        "container.too-many-entries",
                        ModelRisk.MALFORMED,
                        "the archive has more members than the "
                                + context.limits().maxEntries() + " scanned per file; " + "the rest were not read");
            }
            if (!counted) {
                continue;
            }
            paths.check(context, listed.name(), listed.localHeaderOffset());
            ZipEntry entry = locate(listed, directoryStart);
            if (entry == null) {
                continue;
            }
            spans.add(new long[] {
                entry.localHeaderOffset(), entry.dataStart() + entry.compressedSize() + descriptorLength(entry)
            });
            if (!readable(entry) || entry.directory()) {
                continue;
            }
            if (entry.symlink()) {
                symlink(entry);
                continue;
            }
            members.add(entry);
        }
        coverage(spans, directoryStart);
    }

    /** The entry with its data located through its local header, or null (reported) when that fails. */
    private ZipEntry locate(ZipEntry entry, long directoryStart) {
        if (entry.dataStart() >= 0) {
            return entry;
        }
        long at = entry.localHeaderOffset();
        try (var in = new ModelInput(source, at, directoryStart, "zip")) {
            if (in.u32() != LOCAL) {
                context.report(
                        "zip.bad-local-header",
                        ModelRisk.MALFORMED,
                        at,
                        "'" + EntryPaths.shown(entry.name()) + "' has no local header where the directory points");
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
            byte[] name = in.bytes("local name", nameLength);
            in.skip(extraLength);
            if (!Arrays.equals(name, entry.rawName())) {
                context.report(
                        "zip.name-mismatch",
                        ModelRisk.MALFORMED,
                        at,
                        "the directory names '" + EntryPaths.shown(entry.name()) + "' but its local header '"
                                + EntryPaths.shown(new String(name, java.nio.charset.StandardCharsets.ISO_8859_1))
                                + "': readers disagree on what it is");
            }
            boolean descriptor = (flags & ZipEntry.DATA_DESCRIPTOR) != 0;
            boolean sizesDiffer = !descriptor
                    && (crc != entry.crc()
                            || (compressed != entry.compressedSize() && compressed != 0xFFFFFFFFL)
                            || (size != entry.size() && size != 0xFFFFFFFFL));
            if (flags != entry.flags() || method != entry.method() || sizesDiffer) {
                context.report(
                        "zip.header-mismatch",
                        ModelRisk.MALFORMED,
                        at,
                        "the local header of '" + EntryPaths.shown(entry.name())
                                + "' disagrees with the directory on its flags, method or sizes");
            }
            long dataStart = in.position();
            if (entry.compressedSize() > directoryStart - dataStart) {
                context.report(
                        "zip.entry-out-of-range",
                        ModelRisk.MALFORMED,
                        at,
                        "the data of '" + EntryPaths.shown(entry.name())
                                + "' runs past the start of the central directory");
                return null;
            }
            return entry.withDataStart(dataStart);
        } catch (MalformedModelException e) {
            context.report(
                    e.rule(), ModelRisk.MALFORMED, at, "'" + EntryPaths.shown(entry.name()) + "': " + e.detail());
            return null;
        }
    }

    /** Whether the entry's content can be read at all; reports why not. */
    private boolean readable(ZipEntry entry) {
        int refused = ZipEntry.ENCRYPTED | ZipEntry.STRONG_ENCRYPTION | ZipEntry.MASKED_HEADERS;
        if ((entry.flags() & refused) != 0) {
            context.report(
                    "zip.encrypted",
                    ModelRisk.MALFORMED,
                    entry.localHeaderOffset(),
                    "'" + EntryPaths.shown(entry.name()) + "' is encrypted; its content cannot be checked");
            return false;
        }
        if ((entry.flags() & ZipEntry.PATCHED) != 0) {
            context.report(
                    "zip.unsupported-flags",
                    ModelRisk.MALFORMED,
                    entry.localHeaderOffset(),
                    "'" + EntryPaths.shown(entry.name()) + "' is flagged as patched data, which no loader reads");
            return false;
        }
        if (entry.method() != 0 && entry.method() != 8) {
            context.report(
                    "zip.unsupported-method",
                    ModelRisk.MALFORMED,
                    entry.localHeaderOffset(),
                    "'"
                            + EntryPaths.shown(entry.name()) + "' uses compression method " + entry.method()
                            + "; its content cannot be checked");
            return false;
        }
        if (entry.stored() && entry.compressedSize() != entry.size()) {
            context.report(
                    "zip.size-mismatch",
                    ModelRisk.MALFORMED,
                    entry.localHeaderOffset(),
                    "'"
                            + EntryPaths.shown(entry.name()) + "' is stored but declares " + entry.compressedSize()
                            + " bytes stored and " + entry.size() + " bytes of content");
            return false;
        }
        return true;
    }

    private void symlink(ZipEntry entry) {
        String target = "?";
        if (entry.stored() && entry.size() <= 4096) {
            try (var in = new ModelInput(source.slice(entry.dataStart(), entry.size()), "zip")) {
                target = new String(
                        in.bytes("link target", (int) entry.size()), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        EntryPaths.link(context, "container", entry.name(), target, entry.localHeaderOffset(), false);
    }

    /** Bytes of the data descriptor after an entry's data (0 without one); -1 is never returned. */
    private long descriptorLength(ZipEntry entry) {
        if ((entry.flags() & ZipEntry.DATA_DESCRIPTOR) == 0) {
            return 0;
        }
        long at = entry.dataStart() + entry.compressedSize();
        if (at + 4 > source.size()) {
            return 0;
        }
        try (var in = new ModelInput(source, at, Math.min(source.size(), at + 24), "zip")) {
            boolean signature = in.u32() == DESCRIPTOR;
            boolean zip64 = entry.size() >= 0xFFFFFFFFL || entry.compressedSize() >= 0xFFFFFFFFL;
            return (signature ? 4 : 0) + (zip64 ? 20 : 12);
        }
    }

    /** Reports entries whose bytes overlap and bytes no entry accounts for (hidden data, a prepended file). */
    private void coverage(List<long[]> spans, long directoryStart) {
        spans.sort(Comparator.comparingLong(s -> s[0]));
        long covered = 0;
        long unaccounted = 0;
        for (long[] span : spans) {
            if (span[0] < covered) {
                context.report(
                        "zip.overlapping-entries",
                        ModelRisk.MALFORMED,
                        span[0],
                        "an entry at offset " + span[0] + " shares bytes with the entry before it (a zip bomb "
                                + "technique; readers may see different content)");
            } else {
                unaccounted += span[0] - covered;
            }
            covered = Math.max(covered, span[1]);
        }
        if (directoryStart > covered) {
            unaccounted += directoryStart - covered;
        }
        if (unaccounted > 0) {
            context.report(
                    "zip.unaccounted-bytes",
                    ModelRisk.SUSPICIOUS,
                    "the archive holds " + unaccounted + " bytes that belong to no entry");
        }
    }
}
