package io.lotabots.attestation.model.containers;

/** The checksum of a 512-byte tar header: the byte sum with the checksum field counted as spaces. */
public final class TarHeaderChecksum {

    private TarHeaderChecksum() {}

    public static boolean valid(byte[] header) {
        long stored = storedValue(header);
        if (stored < 0) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < 512; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xFF;
            signed += i >= 148 && i < 156 ? ' ' : header[i];
        }
        return stored == unsigned || stored == signed;
    }

    /** The octal checksum field, or -1 when it is not octal digits padded with NUL or space. */
    private static long storedValue(byte[] header) {
        long value = 0;
        int digits = 0;
        for (int i = 148; i < 156; i++) {
            int c = header[i];
            if (c >= '0' && c <= '7') {
                value = value * 8 + (c - '0');
                digits++;
            } else if (c == 0 || c == ' ') {
                if (digits > 0) {
                    break;
                }
            } else {
                return -1;
            }
        }
        return digits == 0 ? -1 : value;
    }
}
