package io.lotabots.document.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Content-Disposition of a download: an attachment, named in ASCII and, when needed, in UTF-8 (RFC 6266). */
final class ContentDisposition {

    private ContentDisposition() {}

    static String attachment(String fileName, String fallback) {
        String name = fileName == null ? fallback : fileName;
        String ascii = name.chars()
                .map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        String header = "attachment; filename=\"" + ascii + "\"";
        if (!ascii.equals(name)) {
            header += "; filename*=UTF-8''"
                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return header;
    }
}
