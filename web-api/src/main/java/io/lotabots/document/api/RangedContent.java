package io.lotabots.document.api;

import io.lotabots.document.boundary.DocumentContent;
import io.lotabots.document.boundary.Documents;
import io.lotabots.platform.api.problem.Problem;
import io.lotabots.platform.http.ByteRanges;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A version's content as the answer to a GET with or without {@code Range}: the whole (200), one range (206
 * with Content-Range), several (206 multipart/byteranges), or 416 with {@code Content-Range: bytes *}/length.
 * Bytes stream from S3 to the client; only a buffer's worth is held.
 */
final class RangedContent {

    /** The default stored chunk's plaintext size. */
    private static final int COPY_BYTES = 64 * 1024;

    private RangedContent() {}

    static Response answer(Documents documents, DocumentContent content, String range, String instance) {
        var outcome = ByteRanges.resolve(range, content.size());
        String disposition = ContentDisposition.attachment(content.fileName(), "document");
        if (outcome instanceof ByteRanges.Unsatisfiable) {
            return new Problem(
                            "range-not-satisfiable",
                            "Range not satisfiable",
                            416,
                            "No range asked for lies within the content's " + content.size() + " bytes.")
                    .toResponse(instance)
                    .header("Content-Range", "bytes */" + content.size())
                    .build();
        }
        if (outcome instanceof ByteRanges.Partial partial && partial.ranges().size() == 1) {
            var only = partial.ranges().get(0);
            InputStream in = documents.open(content, only.start(), only.endExclusive());
            return Response.status(206)
                    .entity(copy(in))
                    .type(content.contentType())
                    .header(HttpHeaders.CONTENT_LENGTH, only.length())
                    .header("Content-Range", only.contentRange(content.size()))
                    .header("Accept-Ranges", "bytes")
                    .header("Content-Disposition", disposition)
                    .build();
        }
        if (outcome instanceof ByteRanges.Partial partial) {
            return multipart(documents, content, partial.ranges(), disposition);
        }
        InputStream in = documents.open(content, 0, content.size());
        return Response.ok(copy(in))
                .type(content.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, content.size())
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", disposition)
                .build();
    }

    private static Response multipart(
            Documents documents, DocumentContent content, List<ByteRanges.Range> ranges, String disposition) {
        String boundary = "lotabots-" + UUID.randomUUID();
        var heads = new ArrayList<byte[]>();
        long length = 0;
        for (var r : ranges) {
            byte[] head = ("\r\n--" + boundary + "\r\nContent-Type: " + content.contentType() + "\r\nContent-Range: "
                            + r.contentRange(content.size()) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            heads.add(head);
            length += head.length + r.length();
        }
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        length += tail.length;
        // the first part opened now, so an S3 outage is a 503 rather than a broken 206
        InputStream first =
                documents.open(content, ranges.get(0).start(), ranges.get(0).endExclusive());
        StreamingOutput body = out -> {
            for (int i = 0; i < ranges.size(); i++) {
                out.write(heads.get(i));
                var r = ranges.get(i);
                try (InputStream in = i == 0 ? first : documents.open(content, r.start(), r.endExclusive())) {
                    transfer(in, out);
                }
            }
            out.write(tail);
        };
        return Response.status(206)
                .entity(body)
                .type("multipart/byteranges; boundary=" + boundary)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", disposition)
                .build();
    }

    private static StreamingOutput copy(InputStream in) {
        return (OutputStream out) -> {
            try (in) {
                transfer(in, out);
            }
        };
    }

    /** Copies a stored chunk per write ({@code transferTo}'s 8 KiB took eight writes per chunk). */
    private static void transfer(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[COPY_BYTES];
        for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }
}
