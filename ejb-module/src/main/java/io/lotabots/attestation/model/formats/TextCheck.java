package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.ModelInput;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether content is plain text (configuration, tokenizer files, model cards, code): valid UTF-8 throughout, with
 * no control characters but tab, line feed, form feed and carriage return. Read to the end, so a binary tail
 * after a text head is not text.
 */
public final class TextCheck {

    private TextCheck() {}

    public static boolean isText(ByteSource source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024 + 4);
        CharBuffer chars = CharBuffer.allocate(64 * 1024 + 4);
        try (var in = new ModelInput(source, "text")) {
            while (true) {
                int n = (int) Math.min(64 * 1024, in.remaining());
                bytes.put(in.bytes("text", n));
                bytes.flip();
                boolean last = in.atLimit();
                CoderResult result = decoder.decode(bytes, chars, last);
                if (result.isError()) {
                    return false;
                }
                if (last && decoder.flush(chars).isError()) {
                    return false;
                }
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                        return false;
                    }
                    if (c == 0x7F) {
                        return false;
                    }
                }
                chars.clear();
                bytes.compact();
                if (last) {
                    return bytes.position() == 0;
                }
            }
        }
    }
}
