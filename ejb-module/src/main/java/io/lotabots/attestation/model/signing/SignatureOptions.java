package io.lotabots.attestation.model.signing;

import java.util.List;

/**
 * How strictly to compare: {@code ignoreUnsignedFiles} accepts files the signature does not list (model_signing's
 * {@code --ignore-unsigned-files}; they are reported, not failed), {@code ignorePaths} are extra model-relative
 * paths to leave out as the signer did ({@code --ignore-paths}), and {@code maxBundleBytes} bounds what is read
 * of the signature file.
 */
public record SignatureOptions(boolean ignoreUnsignedFiles, List<String> ignorePaths, long maxBundleBytes) {

    /** Room for a manifest of some hundred thousand files; model_signing's own bundles are a few KiB. */
    public static final long DEFAULT_MAX_BUNDLE_BYTES = 64L * 1024 * 1024;

    public static final SignatureOptions DEFAULTS = new SignatureOptions(false, List.of(), DEFAULT_MAX_BUNDLE_BYTES);

    public SignatureOptions {
        ignorePaths = List.copyOf(ignorePaths);
        for (String path : ignorePaths) {
            if (!ModelPaths.isNormalRelative(path)) {
                throw new IllegalArgumentException("ignore path '" + path + "' is not a normalized relative path");
            }
        }
        if (maxBundleBytes <= 0) {
            throw new IllegalArgumentException("maxBundleBytes must be positive");
        }
    }
}
