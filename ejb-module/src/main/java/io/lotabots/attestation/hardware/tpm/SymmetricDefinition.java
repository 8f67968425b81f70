package io.lotabots.attestation.hardware.tpm;

/** A TPMT_SYM_DEF_OBJECT: the symmetric algorithm of a storage key (an EK's is AES-128-CFB), or NULL. */
public record SymmetricDefinition(int algorithm, int keyBits, int mode) {

    public static final int ALG_NULL = 0x0010;
    public static final int ALG_AES = 0x0006;
    public static final int ALG_SM4 = 0x0013;
    public static final int ALG_CAMELLIA = 0x0026;
    public static final int MODE_CFB = 0x0043;

    public static final SymmetricDefinition NULL = new SymmetricDefinition(ALG_NULL, 0, ALG_NULL);

    public boolean isNull() {
        return algorithm == ALG_NULL;
    }

    static SymmetricDefinition read(TpmReader reader, String field) {
        int algorithm = reader.u16(field + ".algorithm");
        if (algorithm == ALG_NULL) {
            return NULL;
        }
        if (algorithm != ALG_AES && algorithm != ALG_SM4 && algorithm != ALG_CAMELLIA) {
            throw reader.malformed(
                    field + ".algorithm 0x" + Integer.toHexString(algorithm) + " is not a symmetric block cipher");
        }
        return new SymmetricDefinition(algorithm, reader.u16(field + ".keyBits"), reader.u16(field + ".mode"));
    }
}
