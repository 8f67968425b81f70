package io.lotabots.attestation.hardware.tpm;

/** A TPMA_OBJECT bit field: what the TPM lets an object do and where its key may go. */
public record ObjectAttributes(long value) {

    public static final int FIXED_TPM = 1;
    public static final int ST_CLEAR = 2;
    public static final int FIXED_PARENT = 4;
    public static final int SENSITIVE_DATA_ORIGIN = 5;
    public static final int USER_WITH_AUTH = 6;
    public static final int ADMIN_WITH_POLICY = 7;
    public static final int NO_DA = 10;
    public static final int ENCRYPTED_DUPLICATION = 11;
    public static final int RESTRICTED = 16;
    public static final int DECRYPT = 17;
    public static final int SIGN = 18;

    public boolean isSet(int bit) {
        return (value >>> bit & 1) == 1;
    }

    public boolean fixedTpm() {
        return isSet(FIXED_TPM);
    }

    public boolean fixedParent() {
        return isSet(FIXED_PARENT);
    }

    public boolean sensitiveDataOrigin() {
        return isSet(SENSITIVE_DATA_ORIGIN);
    }

    public boolean userWithAuth() {
        return isSet(USER_WITH_AUTH);
    }

    public boolean adminWithPolicy() {
        return isSet(ADMIN_WITH_POLICY);
    }

    public boolean restricted() {
        return isSet(RESTRICTED);
    }

    public boolean decrypt() {
        return isSet(DECRYPT);
    }

    public boolean sign() {
        return isSet(SIGN);
    }

    /** What an attestation key must be: restricted, signing, bound to its TPM, and not a decryption key. */
    public boolean attestationKey() {
        return restricted() && sign() && fixedTpm() && !decrypt();
    }

    @Override
    public String toString() {
        return String.format("0x%08x", value);
    }
}
