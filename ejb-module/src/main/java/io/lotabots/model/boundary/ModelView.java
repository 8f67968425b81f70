package io.lotabots.model.boundary;

import io.lotabots.model.entity.ModelKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored model as the API shows it: {@code sha256} is the single file's digest (absent for a directory,
 * whose files each carry theirs), {@code format} what the content suggests ({@code directory} for an
 * archive), {@code size} the bytes of all files. {@code files} is listed when one model is read, not in lists.
 */
public record ModelView(
        UUID id,
        String name,
        ModelKind kind,
        String format,
        String sha256,
        long size,
        int fileCount,
        List<ModelFileView> files,
        Instant createdAt,
        String createdBy,
        String createdByName) {}
