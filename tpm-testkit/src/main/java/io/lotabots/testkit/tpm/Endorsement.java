package io.lotabots.testkit.tpm;

import java.nio.file.Path;

/**
 * An endorsement key: its saved context, TPM2B_PUBLIC and PEM, and its certificate (DER, read from
 * the TPM's NV index; {@code null} where swtpm_setup made none).
 */
public record Endorsement(EkKind kind, Path context, byte[] publicArea, String publicPem, byte[] certificate) {}
