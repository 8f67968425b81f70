package io.lotabots.model.boundary;

/** One file of a model: path in the model, size, SHA-256 (hex), the format its first bytes suggest, symlink flag. */
public record ModelFileView(String path, long size, String sha256, String format, boolean symlink) {}
