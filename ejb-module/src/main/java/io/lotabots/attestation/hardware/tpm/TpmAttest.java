package io.lotabots.attestation.hardware.tpm;

/**
 * A TPMS_ATTEST, exactly the bytes the TPM signed ({@code tpm2_quote -m}). Magic and type are kept
 * as read, so the checks can say what was wrong; {@link #quoteInfo()} is present only for type QUOTE,
 * other types keep their attested body unparsed.
 */
public record TpmAttest(
        long magic,
        int type,
        byte[] qualifiedSigner,
        byte[] extraData,
        ClockInfo clockInfo,
        long firmwareVersion,
        QuoteInfo quoteInfo,
        byte[] otherAttested) {

    /** TPM_GENERATED_VALUE: the TPM puts it only in structures it created itself. */
    public static final long TPM_GENERATED = 0xFF544347L;

    public static final int TYPE_QUOTE = 0x8018;

    /** TPM2B_NAME: a hash algorithm id and a digest of at most SHA-512 size. */
    static final int MAX_NAME = 2 + 64;

    /** TPM2B_DATA: at most the size of the largest digest the TPM implements. */
    static final int MAX_EXTRA_DATA = 64;

    public static TpmAttest parse(byte[] bytes) {
        if (bytes == null) {
            throw new MalformedEvidenceException("TPMS_ATTEST: absent");
        }
        var reader = new TpmReader("TPMS_ATTEST", bytes);
        long magic = reader.u32("magic");
        int type = reader.u16("type");
        var qualifiedSigner = reader.sized("qualifiedSigner", MAX_NAME);
        var extraData = reader.sized("extraData", MAX_EXTRA_DATA);
        var clockInfo = ClockInfo.read(reader);
        long firmwareVersion = reader.u64("firmwareVersion");
        if (type == TYPE_QUOTE) {
            var quoteInfo = QuoteInfo.read(reader);
            reader.requireEnd();
            return new TpmAttest(magic, type, qualifiedSigner, extraData, clockInfo, firmwareVersion, quoteInfo, null);
        }
        var rest = reader.bytes("attested", reader.remaining());
        return new TpmAttest(magic, type, qualifiedSigner, extraData, clockInfo, firmwareVersion, null, rest);
    }

    public boolean generatedByTpm() {
        return magic == TPM_GENERATED;
    }

    public boolean isQuote() {
        return type == TYPE_QUOTE;
    }
}
