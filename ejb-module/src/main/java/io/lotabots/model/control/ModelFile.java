package io.lotabots.model.control;

/**
 * One entry of a stored model as recorded while it was received: its path inside the model ('/'-separated,
 * relative, as the uploader named it), its size, the lower-case hex SHA-256 of its bytes, and whether the
 * upload declared it a symbolic link (its bytes are then the link's target).
 */
public record ModelFile(String path, long size, String sha256, boolean symlink) {}
