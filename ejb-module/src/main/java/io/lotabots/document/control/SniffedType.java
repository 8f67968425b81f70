package io.lotabots.document.control;

/** What a document's first bytes say it is; {@link #UNKNOWN} when they match no signature we know. */
public enum SniffedType {
    ELF("application/x-executable", true),
    PORTABLE_EXECUTABLE("application/vnd.microsoft.portable-executable", true),
    MACH_O("application/x-mach-binary", true),
    SCRIPT("text/x-shellscript", true),
    PDF("application/pdf", false),
    PNG("image/png", false),
    JPEG("image/jpeg", false),
    GIF("image/gif", false),
    ZIP("application/zip", false),
    GZIP("application/gzip", false),
    UNKNOWN("application/octet-stream", false);

    private final String mediaType;
    private final boolean executable;

    SniffedType(String mediaType, boolean executable) {
        this.mediaType = mediaType;
        this.executable = executable;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean executable() {
        return executable;
    }
}
