package io.lotabots.attestation.hardware.tpm;

import java.util.Arrays;

/**
 * Builds a TPMS_ATTEST of type QUOTE, every field settable; defaults are those of a tpm2_quote with a
 * 32-byte nonce over sha256:0-7 (145 bytes).
 */
public final class AttestBytes {

    public long magic = TpmAttest.TPM_GENERATED;
    public int type = TpmAttest.TYPE_QUOTE;
    public byte[] qualifiedSigner = signer();
    public byte[] extraData = Marshalled.filled(32, 0x5A);
    public long clock = 123_456;
    public long resetCount = 2;
    public long restartCount = 1;
    public int safe = 1;
    public long firmwareVersion = 0x2023_0101_0000_0001L;
    public byte[] selection = selection(0x000B, 0xFF, 0x00, 0x00);
    public byte[] pcrDigest = Marshalled.filled(32, 0x11);

    public static AttestBytes quote() {
        return new AttestBytes();
    }

    /** A marshalled TPML_PCR_SELECTION with one bank and a 3-byte bitmap. */
    public static byte[] selection(int hash, int b0, int b1, int b2) {
        return Marshalled.bytes().u32(1).u16(hash).u8(3).u8(b0).u8(b1).u8(b2).build();
    }

    private static byte[] signer() {
        var name = Marshalled.filled(34, 0x22);
        name[0] = 0x00;
        name[1] = 0x0B;
        return name;
    }

    public AttestBytes with(java.util.function.Consumer<AttestBytes> change) {
        change.accept(this);
        return this;
    }

    /** The bytes up to and including firmwareVersion. */
    public byte[] header() {
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

    public byte[] build() {
        return Marshalled.bytes().raw(header()).raw(selection).sized(pcrDigest).build();
    }

    public static byte[] truncated(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
