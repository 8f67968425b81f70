package io.lotabots.attestation.hardware.enrollment;

import java.nio.ByteBuffer;

/**
 * The output of MakeCredential: the TPM2B_ID_OBJECT ({@code credentialBlob}: integrity HMAC and
 * encrypted credential) and the TPM2B_ENCRYPTED_SECRET (the seed, encrypted to the EK).
 */
public record Credential(byte[] credentialBlob, byte[] encryptedSecret) {

    /** The header of the file {@code tpm2_makecredential -o} writes (tpm2-tools 4 and 5). */
    public static final int TPM2_TOOLS_MAGIC = 0xBADCC0DE;

    public static final int TPM2_TOOLS_VERSION = 1;

    /**
     * The file {@code tpm2_makecredential -o} writes and {@code tpm2_activatecredential -i} reads:
     * magic, version (u32 each), then the TPM2B_ID_OBJECT and the TPM2B_ENCRYPTED_SECRET.
     */
    public byte[] tpm2ToolsFile() {
        return ByteBuffer.allocate(8 + credentialBlob.length + encryptedSecret.length)
                .putInt(TPM2_TOOLS_MAGIC)
                .putInt(TPM2_TOOLS_VERSION)
                .put(credentialBlob)
                .put(encryptedSecret)
                .array();
    }
}
