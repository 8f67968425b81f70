package io.lotabots.attestation.hardware.tpm;

/** The type-specific part of a public area: RSA or ECC parameters with the public key itself. */
public sealed interface TpmKeyParameters permits TpmKeyParameters.Rsa, TpmKeyParameters.Ecc {

    /** TPM_ALG_ID of the key type: 0x0001 RSA, 0x0023 ECC. */
    int type();

    /** RSA parameters; an exponent of 0 in the public area means 65537 and is stored as such. */
    record Rsa(int keyBits, long exponent, byte[] modulus) implements TpmKeyParameters {
        public static final int TYPE = 0x0001;

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** ECC parameters: the curve, the KDF and the public point as the TPM wrote it. */
    record Ecc(EccCurve curve, TpmScheme kdf, byte[] x, byte[] y) implements TpmKeyParameters {
        public static final int TYPE = 0x0023;

        @Override
        public int type() {
            return TYPE;
        }
    }
}
