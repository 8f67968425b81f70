package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import io.lotabots.attestation.model.source.SpooledBytes;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A gzip stream inside a model (a {@code .tar.gz}, a compressed pickle), read member by member (RFC 1952): each
 * header, the deflate data decompressed within the scan's limits, each trailer's CRC-32 and length checked. Bytes
 * after the last member that start no new member are reported (Java's and Python's readers silently ignore them,
 * so something could hide there). The decompressed content is scanned as the stream's only member; what came out
 * before any damage is still scanned.
 */
public final class GzipStream {

    static final String MEMBER = "(gzip content)";

    private GzipStream() {}

    public static void scan(ScanContext context, ByteSource source) throws IOException {
        var guard = new InflationGuard(context, MEMBER, source.size(), -1);
        try (var spool = new SpooledBytes()) {
            try (var in = new ModelInput(source, "gzip")) {
                do {
                    member(context, in, guard, spool);
                } while (!guard.stopped() && !in.atLimit() && startsMember(in));
                if (!guard.stopped() && !in.atLimit()) {
                    context.report(
                            "gzip.trailing-bytes",
                            ModelRisk.MALFORMED,
                            in.position(),
                            in.remaining() + " bytes after the last gzip member start no new member");
                }
            } catch (MalformedModelException e) {
                context.report(e);
            } finally {
                guard.charge();
            }
            context.scanMember(MEMBER, spool.finish());
        }
    }

    private static boolean startsMember(ModelInput in) {
        return in.remaining() >= 2 && in.peek() == 0x1f;
    }

    private static void member(ScanContext context, ModelInput in, InflationGuard guard, SpooledBytes out)
            throws IOException {
        long at = in.position();
        if (in.u8() != 0x1f || in.u8() != 0x8b || in.u8() != 8) {
            throw new MalformedModelException("gzip.bad-header", at, "no gzip member with deflate data starts here");
        }
        int flags = in.u8();
        if ((flags & 0xE0) != 0) {
            throw new MalformedModelException("gzip.bad-header", at, "the member sets reserved flag bits");
        }
        in.skip(6);
        if ((flags & 4) != 0) {
            in.skip(in.u16());
        }
        if ((flags & 8) != 0) {
            zeroTerminated(in);
        }
        if ((flags & 16) != 0) {
            zeroTerminated(in);
        }
        if ((flags & 2) != 0) {
            in.skip(2);
        }
        var inflater = new Inflater(true);
        var crc = new CRC32();
        long produced = 0;
        byte[] input = new byte[64 * 1024];
        byte[] output = new byte[64 * 1024];
        try {
            while (!inflater.finished() && !guard.stopped()) {
                if (inflater.needsInput()) {
                    if (in.atLimit()) {
                        throw new MalformedModelException(
                                "gzip.truncated", in.position(), "the member ends inside its data");
                    }
                    int n = (int) Math.min(input.length, in.remaining());
                    byte[] chunk = in.bytes("deflate data", n);
                    System.arraycopy(chunk, 0, input, 0, n);
                    inflater.setInput(input, 0, n);
                }
                int n = inflater.inflate(output);
                int keep = (int) guard.accept(n);
                crc.update(output, 0, keep);
                out.write(output, 0, keep);
                produced += keep;
                if (n == 0 && inflater.needsDictionary()) {
                    throw new MalformedModelException("gzip.corrupt", at, "the member needs a preset dictionary");
                }
            }
            if (guard.stopped()) {
                return;
            }
            unread(in, inflater.getRemaining());
        } catch (DataFormatException e) {
            throw new MalformedModelException(
                    "gzip.corrupt", at, "the member's deflate data is damaged: " + e.getMessage());
        } finally {
            inflater.end();
        }
        long storedCrc = in.u32();
        long storedSize = in.u32();
        if (storedCrc != crc.getValue() || storedSize != (produced & 0xFFFFFFFFL)) {
            context.report(
                    "gzip.bad-trailer",
                    ModelRisk.MALFORMED,
                    at,
                    "the member's CRC-32 or length trailer does " + "not match its content");
        }
    }

    /** Steps back over input the inflater did not use: it belongs to the trailer. */
    private static void unread(ModelInput in, int remaining) {
        in.rewind(remaining);
    }

    private static void zeroTerminated(ModelInput in) {
        for (int i = 0; i < 65536; i++) {
            if (in.u8() == 0) {
                return;
            }
        }
        throw in.malformed("bad-header", "a header string longer than 64 KiB");
    }
}
