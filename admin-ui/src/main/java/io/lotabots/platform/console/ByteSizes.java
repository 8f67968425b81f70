package io.lotabots.platform.console;

import java.util.Locale;

/** Byte counts as people read them: the exact count, and in binary units once it reaches a KiB. */
public final class ByteSizes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSizes() {}

    /** {@code 1536} → "1,536 bytes (1.5 KiB)"; {@code 12} → "12 bytes". */
    public static String of(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d bytes", bytes);
        if (bytes < 1024) {
            return exact;
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return exact + String.format(Locale.ROOT, " (%.1f %s)", value, UNITS[unit]);
    }
}
