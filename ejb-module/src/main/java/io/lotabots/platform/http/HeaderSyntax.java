package io.lotabots.platform.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The grammar of request headers both web modules refuse when malformed (RFC 9110 media types, RFC 7617 Basic). */
public final class HeaderSyntax {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*(?:" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))?)*[ \\t]*");
    private static final Pattern BASIC = Pattern.compile("(?i)basic(?:[ \\t]+.*|[ \\t]*)", Pattern.DOTALL);
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9+/]+=*");

    private HeaderSyntax() {}

    /** {@code type/subtype} with optional {@code ;name=value} parameters. */
    public static boolean isMediaType(String value) {
        return MEDIA_TYPE.matcher(value.strip()).matches();
    }

    /** True unless the header claims Basic credentials that are not base64 of UTF-8 {@code id:secret}. */
    public static boolean isWellFormedBasic(String authorization) {
        if (!BASIC.matcher(authorization).matches()) {
            return true;
        }
        String encoded = authorization.substring(5).strip();
        if (!TOKEN68.matcher(encoded).matches()) {
            return false;
        }
        try {
            var decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)));
            return decoded.chars().anyMatch(c -> c == ':');
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false;
        }
    }
}
