package io.lotabots.subjectrequest.api;

import io.lotabots.subjectrequest.boundary.SubjectRequestResults.ExportDownload;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/** An export archive as an HTTP answer: streamed, with its length and its SHA-256 as a Digest header. */
final class Downloads {

    private Downloads() {}

    static Response zip(ExportDownload download) {
        StreamingOutput body = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Length", download.size())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Repr-Digest", "sha-256=:" + base64(download.sha256()) + ":")
                .build();
    }

    private static String base64(String hex) {
        return java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(hex));
    }
}
