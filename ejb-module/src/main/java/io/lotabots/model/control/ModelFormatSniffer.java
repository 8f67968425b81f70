package io.lotabots.model.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A first guess at a file's format from its leading bytes, never its name, recorded when the file is
 * received. Deliberately shallow: the model verifier validates each format in full and may disagree.
 */
public final class ModelFormatSniffer {

    /** How many leading bytes {@link #sniff} looks at. */
    public static final int HEAD_BYTES = 16;

    public static final String SAFETENSORS = "safetensors";
    public static final String GGUF = "gguf";
    public static final String ZIP = "zip";
    public static final String PICKLE = "pickle";
    public static final String NUMPY = "npy";
    public static final String UNKNOWN = "unknown";
    /** A model received as an archive of files; each file has its own format. */
    public static final String DIRECTORY = "directory";

    /** The safetensors reference refuses larger headers. */
    private static final long MAX_SAFETENSORS_HEADER = 100_000_000L;

    private ModelFormatSniffer() {}

    /** The format the first {@code length} bytes of {@code head} suggest. */
    public static String sniff(byte[] head, int length) {
        if (startsWith(head, length, 'G', 'G', 'U', 'F')) {
            return GGUF;
        }
        if (startsWith(head, length, 'P', 'K', 3, 4) || startsWith(head, length, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (startsWith(head, length, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
            return NUMPY;
        }
        // PROTO opcode with protocol 2 to 5; protocols 0 and 1 have no marker to sniff
        if (length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return PICKLE;
        }
        if (length > 8 && head[8] == '{') {
            long headerLength =
                    ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength >= 2 && headerLength <= MAX_SAFETENSORS_HEADER) {
                return SAFETENSORS;
            }
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
