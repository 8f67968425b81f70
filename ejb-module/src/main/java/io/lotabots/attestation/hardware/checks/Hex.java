package io.lotabots.attestation.hardware.checks;

import java.util.HexFormat;

/** Lower-case hex, the one way evidence bytes appear in reports, claims and policies. */
final class Hex {

    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {}

    static String of(byte[] bytes) {
        return bytes == null ? null : FORMAT.formatHex(bytes);
    }
}
