package io.lotabots.document.control;

import java.util.Arrays;

/**
 * Recognises a document by its first bytes (magic numbers), so that the type a client declares can be
 * checked against what it sends: executables are never stored, whatever they are declared as.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #sniff} looks at, at most. */
    public static final int HEAD_BYTES = 16;

    private ContentSniffer() {}

    public static SniffedType sniff(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.min(length, head.length));
        if (starts(b, 0x7F, 'E', 'L', 'F')) {
            return SniffedType.ELF;
        }
        if (starts(b, 'M', 'Z')) {
            return SniffedType.PORTABLE_EXECUTABLE;
        }
        if (starts(b, 0xFE, 0xED, 0xFA, 0xCE)
                || starts(b, 0xFE, 0xED, 0xFA, 0xCF)
                || starts(b, 0xCE, 0xFA, 0xED, 0xFE)
                || starts(b, 0xCF, 0xFA, 0xED, 0xFE)
                || starts(b, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return SniffedType.MACH_O;
        }
        if (starts(b, '#', '!')) {
            return SniffedType.SCRIPT;
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return SniffedType.PDF;
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return SniffedType.PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return SniffedType.JPEG;
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return SniffedType.GIF;
        }
        if (starts(b, 'P', 'K', 3, 4) || starts(b, 'P', 'K', 5, 6)) {
            return SniffedType.ZIP;
        }
        if (starts(b, 0x1F, 0x8B)) {
            return SniffedType.GZIP;
        }
        return SniffedType.UNKNOWN;
    }

    private static boolean starts(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
