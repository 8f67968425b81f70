package io.lotabots.model.control;

/**
 * One file of a model as it was stored: its path in the model, size, lower-case hex SHA-256, the format
 * its first bytes suggest, the S3 key holding it, and whether the archive declared it a symbolic link
 * (its bytes are then the link's target).
 */
public record ReceivedFile(String path, long size, String sha256, String format, String objectKey, boolean symlink) {

    public ReceivedFile withSymlink(boolean symlink) {
        return new ReceivedFile(path, size, sha256, format, objectKey, symlink);
    }

    /** The verifiers' view of the file. */
    public ModelFile toModelFile() {
        return new ModelFile(path, size, sha256, symlink);
    }
}
