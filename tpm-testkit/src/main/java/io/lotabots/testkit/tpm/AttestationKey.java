package io.lotabots.testkit.tpm;

import java.nio.file.Path;

/**
 * An AK made by {@code tpm2_createak} under an EK: its saved context, its TPM2B_PUBLIC
 * ({@code tpm2_readpublic -o}), its SubjectPublicKeyInfo PEM ({@code -f pem}) and its TPM name.
 */
public record AttestationKey(
        AkKind kind, EkKind endorsement, Path context, byte[] publicArea, String publicPem, byte[] name) {}
