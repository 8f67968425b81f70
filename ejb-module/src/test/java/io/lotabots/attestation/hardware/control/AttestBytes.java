package io.lotabots.attestation.hardware.control;

import java.util.Arrays;

/**
 * Builds a TPMS_ATTEST of type QUOTE, every field settable; defaults are those of a tpm2_quote with a
 * 32-byte nonce over sha256:0-7 (145 bytes).
 */
final class AttestBytes {

    long magic = TpmAttest.TPM_GENERATED;
    int type = TpmAttest.TYPE_QUOTE;
    byte[] qualifiedSigner = signer();
    byte[] extraData = Marshalled.filled(32, 0x5A);
    long clock = 123_456;
    long resetCount = 2;
    long restartCount = 1;
    int safe = 1;
    long firmwareVersion = 0x2023_0101_0000_0001L;
    byte[] selection = selection(0x000B, 0xFF, 0x00, 0x00);
    byte[] pcrDigest = Marshalled.filled(32, 0x11);

    static AttestBytes quote() {
        return new AttestBytes();
    }

    /** A marshalled TPML_PCR_SELECTION with one bank and a 3-byte bitmap. */
    static byte[] selection(int hash, int b0, int b1, int b2) {
        return Marshalled.bytes().u32(1).u16(hash).u8(3).u8(b0).u8(b1).u8(b2).build();
    }

    private static byte[] signer() {
        var name = Marshalled.filled(34, 0x22);
        name[0] = 0x00;
        name[1] = 0x0B;
        return name;
    }

    AttestBytes with(java.util.function.Consumer<AttestBytes> change) {
        change.accept(this);
        return this;
    }

    /** The bytes up to and including firmwareVersion. */
    byte[] header() {
        return Marshalled.bytes()
                .u32(magic)
                .u16(type)
                .sized(qualifiedSigner)
                .sized(extraData)
                .u32(clock >>> 32)
                .u32(clock)
                .u32(resetCount)
                .u32(restartCount)
                .u8(safe)
                .u32(firmwareVersion >>> 32)
                .u32(firmwareVersion)
                .build();
    }

    byte[] build() {
        return Marshalled.bytes().raw(header()).raw(selection).sized(pcrDigest).build();
    }

    static byte[] truncated(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
