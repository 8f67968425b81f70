package io.lotabots.attestation.model.containers;

/**
 * One member as the zip's central directory records it, plus where its data starts (from its local header).
 * {@code dataStart} is -1 when the local header could not be used.
 */
public record ZipEntry(
        String name,
        byte[] rawName,
        int flags,
        int method,
        long crc,
        long compressedSize,
        long size,
        long localHeaderOffset,
        int versionMadeBy,
        long externalAttributes,
        long dataStart) {

    static final int ENCRYPTED = 0x1;
    static final int DATA_DESCRIPTOR = 0x8;
    static final int PATCHED = 0x20;
    static final int STRONG_ENCRYPTION = 0x40;
    static final int UTF8 = 0x800;
    static final int MASKED_HEADERS = 0x2000;

    public boolean directory() {
        return name.endsWith("/");
    }

    /** A Unix symbolic link: made on Unix (host 3) with the link file type in the mode bits. */
    public boolean symlink() {
        return (versionMadeBy >>> 8) == 3 && ((externalAttributes >>> 16) & 0xF000) == 0xA000;
    }

    public boolean stored() {
        return method == 0;
    }

    ZipEntry withDataStart(long start) {
        return new ZipEntry(
                name,
                rawName,
                flags,
                method,
                crc,
                compressedSize,
                size,
                localHeaderOffset,
                versionMadeBy,
                externalAttributes,
                start);
    }
}
