package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.containers.TarHeaderChecksum;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides a file's format from its first bytes, the way the loaders themselves decide (torch.load and numpy.load
 * test the leading bytes, not the name): magic numbers first, then structural tests for the formats without one
 * (safetensors' JSON header, a tar header's checksum, ONNX's leading protobuf field). What is left undetermined
 * is tried as a pickle, then as the format its name claims, then as text.
 */
public final class FormatSniffer {

    /** Bytes the sniffer needs: a tar header and the HDF5 signature behind a 512-byte user block. */
    public static final int HEAD = 520;

    public enum Kind {
        EMPTY,
        ZIP,
        GGUF,
        NUMPY,
        PICKLE,
        GZIP,
        SAFETENSORS,
        TAR,
        ONNX,
        UNSUPPORTED,
        UNDETERMINED
    }

    /** The detected kind; for {@link Kind#UNSUPPORTED} what it is ("a 7z archive"). */
    public record Sniff(Kind kind, String label) {}

    private FormatSniffer() {}

    public static Sniff sniff(byte[] head, long size) {
        if (size == 0) {
            return of(Kind.EMPTY);
        }
        if (starts(head, 'P', 'K', 3, 4) || starts(head, 'P', 'K', 5, 6)) {
            return of(Kind.ZIP);
        }
        if (starts(head, 'G', 'G', 'U', 'F')) {
            return of(Kind.GGUF);
        }
        if (starts(head, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
            return of(Kind.NUMPY);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x80 && (head[1] & 0xFF) <= 5) {
            return of(Kind.PICKLE);
        }
        if (starts(head, 0x1f, 0x8b)) {
            return of(Kind.GZIP);
        }
        if (head.length >= 9 && head[8] == '{' && size >= 10) {
            return of(Kind.SAFETENSORS);
        }
        if (isTarHeader(head)) {
            return of(Kind.TAR);
        }
        String unsupported = unsupported(head);
        if (unsupported != null) {
            return new Sniff(Kind.UNSUPPORTED, unsupported);
        }
        if (looksLikeOnnx(head)) {
            return of(Kind.ONNX);
        }
        return of(Kind.UNDETERMINED);
    }

    /**
     * For content the bytes left undetermined and that is no pickle: the format its name claims, if reading it as
     * that format explains its damage better than "unrecognized" (a truncated {@code .onnx} or {@code
     * .safetensors}); otherwise {@link Kind#UNDETERMINED}.
     */
    public static Kind claimedByName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".onnx")) {
            return Kind.ONNX;
        }
        if (lower.endsWith(".safetensors")) {
            return Kind.SAFETENSORS;
        }
        return Kind.UNDETERMINED;
    }

    /** A POSIX/GNU tar header ("ustar" at 257) or an old v7 header whose checksum holds. */
    static boolean isTarHeader(byte[] head) {
        if (head.length < 512) {
            return false;
        }
        if (new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            return true;
        }
        return head[0] != 0 && TarHeaderChecksum.valid(head);
    }

    private static String unsupported(byte[] head) {
        if (starts(head, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            return "a 7z archive";
        }
        if (starts(head, 'B', 'Z', 'h')) {
            return "a bzip2 stream";
        }
        if (starts(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return "an xz stream";
        }
        if (starts(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return "a zstd stream";
        }
        if (starts(head, 'R', 'a', 'r', '!', 0x1a, 0x07)) {
            return "a RAR archive";
        }
        if (starts(head, 0x04, 0x22, 0x4d, 0x18)) {
            return "an LZ4 frame";
        }
        byte[] hdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        if (startsAt(head, 0, hdf5) || startsAt(head, 512, hdf5)) {
            return "an HDF5 file (Keras .h5)";
        }
        return null;
    }

    /**
     * ONNX has no magic number, but its writer emits ModelProto's fields in order, so a model starts with
     * {@code ir_version} (field 1, a small varint) followed by another ModelProto field.
     */
    static boolean looksLikeOnnx(byte[] head) {
        if (head.length < 3 || head[0] != 0x08) {
            return false;
        }
        int version = head[1] & 0xFF;
        if (version < 1 || version > 64) {
            return false;
        }
        int tag = head[2] & 0xFF;
        int field = tag >>> 3;
        int wire = tag & 7;
        return switch (field) {
            case 5 -> wire == 0;
            case 2, 3, 4, 6, 7, 8, 14, 20, 25 -> wire == 2;
            default -> false;
        };
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsAt(byte[] head, int offset, byte[] magic) {
        if (head.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Sniff of(Kind kind) {
        return new Sniff(kind, null);
    }
}
