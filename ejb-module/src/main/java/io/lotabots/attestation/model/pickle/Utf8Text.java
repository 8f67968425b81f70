package io.lotabots.attestation.model.pickle;

/**
 * Incremental UTF-8 decoding that keeps only the first characters, so a gigabyte string literal is validated
 * in full but costs a bounded amount of memory. With {@code surrogatePass} encoded UTF-16 surrogates are
 * accepted, as CPython's unpickler does for BINUNICODE ("surrogatepass"); GLOBAL lines are strict UTF-8.
 */
final class Utf8Text {

    private final boolean surrogatePass;
    private final int keep;
    private final StringBuilder text = new StringBuilder();
    private boolean truncated;
    private int needed;
    private int codePoint;
    private int min;
    private boolean invalid;

    Utf8Text(boolean surrogatePass, int keep) {
        this.surrogatePass = surrogatePass;
        this.keep = keep;
    }

    /** Decodes a whole byte array, or returns null if it is not valid UTF-8. */
    static String decode(byte[] bytes, boolean surrogatePass) {
        var decoder = new Utf8Text(surrogatePass, Integer.MAX_VALUE);
        decoder.accept(bytes, 0, bytes.length);
        return decoder.finish() ? decoder.text() : null;
    }

    void accept(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len && !invalid; i++) {
            accept(bytes[i] & 0xFF);
        }
    }

    /** True if everything accepted was valid UTF-8 ending on a character boundary. */
    boolean finish() {
        return !invalid && needed == 0;
    }

    String text() {
        return text.toString();
    }

    boolean complete() {
        return !truncated;
    }

    private void accept(int b) {
        if (needed == 0) {
            if (b < 0x80) {
                emit(b);
            } else if (b >= 0xC2 && b <= 0xDF) {
                start(b & 0x1F, 1, 0x80);
            } else if (b >= 0xE0 && b <= 0xEF) {
                start(b & 0x0F, 2, 0x800);
            } else if (b >= 0xF0 && b <= 0xF4) {
                start(b & 0x07, 3, 0x10000);
            } else {
                invalid = true;
            }
            return;
        }
        if ((b & 0xC0) != 0x80) {
            invalid = true;
            return;
        }
        codePoint = (codePoint << 6) | (b & 0x3F);
        if (--needed == 0) {
            boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
            if (codePoint < min || codePoint > 0x10FFFF || (surrogate && !surrogatePass)) {
                invalid = true;
            } else {
                emit(codePoint);
            }
        }
    }

    private void start(int bits, int continuation, int minimum) {
        codePoint = bits;
        needed = continuation;
        min = minimum;
    }

    private void emit(int cp) {
        if (text.length() < keep) {
            text.appendCodePoint(cp);
        } else {
            truncated = true;
        }
    }
}
