package io.lotabots.attestation.hardware.tpm;

import java.util.Set;

/**
 * A key's signing/encryption scheme or KDF (TPMT_RSA_SCHEME, TPMT_ECC_SCHEME, TPMT_KDF_SCHEME): the
 * algorithm and, where it has one, its hash ({@code 0x0010} NULL otherwise) and ECDAA count.
 */
public record TpmScheme(int algorithm, int hashAlgorithm, int count) {

    public static final int ALG_NULL = 0x0010;
    public static final TpmScheme NULL = new TpmScheme(ALG_NULL, ALG_NULL, 0);

    static final int RSAES = 0x0015;
    static final int ECDAA = 0x001A;
    /** RSASSA, RSAPSS, OAEP: followed by a hash; RSAES by nothing. */
    static final Set<Integer> RSA_SCHEMES = Set.of(0x0014, RSAES, 0x0016, 0x0017);
    /** ECDSA, ECDH, ECDAA, SM2, ECSCHNORR, ECMQV: followed by a hash (ECDAA also by a count). */
    static final Set<Integer> ECC_SCHEMES = Set.of(0x0018, 0x0019, ECDAA, 0x001B, 0x001C, 0x001D);
    /** MGF1, KDF1_SP800_56A, KDF2, KDF1_SP800_108: followed by a hash. */
    static final Set<Integer> KDF_SCHEMES = Set.of(0x0007, 0x0020, 0x0021, 0x0022);

    public boolean isNull() {
        return algorithm == ALG_NULL;
    }

    static TpmScheme read(TpmReader reader, String field, Set<Integer> known) {
        int algorithm = reader.u16(field + ".scheme");
        if (algorithm == ALG_NULL) {
            return NULL;
        }
        if (!known.contains(algorithm)) {
            throw reader.malformed(field + ".scheme 0x" + Integer.toHexString(algorithm) + " is not allowed here");
        }
        if (algorithm == RSAES) {
            return new TpmScheme(algorithm, ALG_NULL, 0);
        }
        int hash = reader.u16(field + ".hashAlg");
        int count = algorithm == ECDAA ? reader.u16(field + ".count") : 0;
        return new TpmScheme(algorithm, hash, count);
    }
}
