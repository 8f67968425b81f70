package io.lotabots.attestation.hardware.boundary;

/**
 * A new enrollment: the device, and MakeCredential's output for its TPM: the TPM2B_ID_OBJECT, the
 * TPM2B_ENCRYPTED_SECRET and both in the file format {@code tpm2_activatecredential -i} reads.
 */
public record EnrolledCredential(
        DeviceView device, byte[] credentialBlob, byte[] encryptedSecret, byte[] credentialFile) {}
