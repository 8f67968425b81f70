package io.lotabots.attestation.model.scan;

import io.lotabots.attestation.model.source.ByteSource;

/** Scans content found inside other content (an archive member, a byte string) as if it were a file. */
@FunctionalInterface
public interface MemberScanner {

    /** Detects the content's format, checks it, reports into {@code context}; never throws. */
    ModelFormat scan(ScanContext context, ByteSource content);
}
