package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.SpooledBytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one zip member's content: a stored member in place (a slice of the archive) after a pass that checks its
 * CRC, a deflated one decompressed into a spool within the scan's limits, its size and CRC checked as it comes out.
 * Damage is reported and the bytes that could be read are still returned, so they are still scanned.
 */
final class ZipMemberReader {

    private final ScanContext context;
    private final ByteSource source;

    ZipMemberReader(ScanContext context, ByteSource source) {
        this.context = context;
        this.source = source;
    }

    /**
     * The member's bytes, decompressed and checked against its declared size and CRC (mismatches are reported);
     * null when they cannot be read at all (reported). The caller closes it.
     */
    ZipMember open(ZipEntry entry) throws IOException {
        ByteSource stored = source.slice(entry.dataStart(), entry.compressedSize());
        if (entry.stored()) {
            long crc = crc(stored);
            if (crc != entry.crc()) {
                crcMismatch(entry, crc);
            }
            return new ZipMember(stored, null);
        }
        var guard = new InflationGuard(context, entry.name(), entry.compressedSize(), entry.size());
        if (!guard.declaredFits()) {
            return null;
        }
        var spool = new SpooledBytes();
        try {
            inflate(entry, stored, guard, spool);
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        } finally {
            guard.charge();
        }
        return new ZipMember(spool.finish(), spool);
    }

    private void inflate(ZipEntry entry, ByteSource compressed, InflationGuard guard, SpooledBytes out)
            throws IOException {
        var inflater = new Inflater(true);
        var crc = new CRC32();
        byte[] input = new byte[64 * 1024];
        byte[] output = new byte[64 * 1024];
        long consumed = 0;
        try (InputStream in = compressed.open()) {
            while (!inflater.finished() && !guard.stopped()) {
                if (inflater.needsInput()) {
                    int n = in.read(input);
                    if (n < 0) {
                        break;
                    }
                    consumed += n;
                    inflater.setInput(input, 0, n);
                }
                int produced = inflater.inflate(output);
                if (produced == 0 && inflater.needsDictionary()) {
                    throw new MalformedModelException(
                            "zip.bad-deflate", entry.dataStart(), "'" + entry.name() + "' needs a preset dictionary");
                }
                int keep = (int) guard.accept(produced);
                crc.update(output, 0, keep);
                out.write(output, 0, keep);
            }
            if (guard.stopped()) {
                return;
            }
            if (!inflater.finished()) {
                context.report(
                        "zip.truncated-member",
                        ModelRisk.MALFORMED,
                        entry.dataStart(),
                        "'" + EntryPaths.shown(entry.name()) + "' ends inside its compressed data");
                return;
            }
            if (guard.produced() != entry.size()) {
                context.report(
                        "zip.size-mismatch",
                        ModelRisk.MALFORMED,
                        entry.dataStart(),
                        "'" + EntryPaths.shown(entry.name()) + "' inflates to " + guard.produced()
                                + " bytes but declares " + entry.size());
            }
            if (crc.getValue() != entry.crc()) {
                crcMismatch(entry, crc.getValue());
            }
            if (inflater.getRemaining() > 0 || consumed < entry.compressedSize()) {
                context.report(
                        "zip.compressed-size",
                        ModelRisk.SUSPICIOUS,
                        entry.dataStart(),
                        "'" + EntryPaths.shown(entry.name())
                                + "' has compressed bytes after the end of its deflate stream");
            }
        } catch (DataFormatException e) {
            context.report(
                    "zip.bad-deflate",
                    ModelRisk.MALFORMED,
                    entry.dataStart(),
                    "'" + EntryPaths.shown(entry.name()) + "' is not a valid deflate stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private void crcMismatch(ZipEntry entry, long actual) {
        context.report(
                "zip.crc-mismatch",
                ModelRisk.MALFORMED,
                entry.dataStart(),
                String.format(
                        "'%s' has CRC-32 %08x but declares %08x (torch.load ignores the difference)",
                        EntryPaths.shown(entry.name()), actual, entry.crc()));
    }

    private static long crc(ByteSource content) throws IOException {
        var crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = content.open()) {
            long left = content.size();
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new MalformedModelException("file.short-read", -1, "the archive ended inside a member");
                }
                crc.update(buffer, 0, n);
                left -= n;
            }
        }
        return crc.getValue();
    }
}
