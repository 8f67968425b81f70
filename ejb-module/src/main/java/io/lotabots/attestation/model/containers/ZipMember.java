package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.SpooledBytes;
import java.io.IOException;

/** A zip member's readable content; closing deletes what decompression spooled. */
public record ZipMember(ByteSource source, SpooledBytes spool) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        if (spool != null) {
            spool.close();
        }
    }
}
