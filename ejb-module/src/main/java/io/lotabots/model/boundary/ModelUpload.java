package io.lotabots.model.boundary;

import io.lotabots.model.control.ArchiveReader;
import io.lotabots.model.control.ByteAllowance;
import io.lotabots.model.control.DigestingStream;
import io.lotabots.model.control.EntryNames;
import io.lotabots.model.control.MalformedArchiveException;
import io.lotabots.model.control.ModelKeys;
import io.lotabots.model.control.ReceivedFile;
import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.platform.storage.ObjectTooLargeException;
import io.lotabots.platform.storage.PartBuffer;
import io.lotabots.resources.boundary.StorageReservations;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * One upload in progress: stores the model's file (or each file of its archive) under the model's prefix
 * as it is received, through one part buffer, and keeps the model's bytes within the size limit and the
 * tenant's stored-bytes quota before they can be stored. It stores; clearing up after a failure is the
 * caller's ({@link Models}).
 */
final class ModelUpload implements UploadForm.ContentSink, ByteAllowance {

    /** The path of a single file sent without a file name. */
    static final String UNNAMED_FILE = "model";

    private final UUID tenantId;
    private final UUID modelId;
    private final ObjectStore objects;
    private final StorageReservations reservations;
    private final ModelLimits limits;

    private ModelSource source;
    private List<ReceivedFile> files = List.of();
    private PartBuffer buffer;
    private long total;
    private long reserved;

    ModelUpload(
            UUID tenantId,
            UUID modelId,
            long reserved,
            ObjectStore objects,
            StorageReservations reservations,
            ModelLimits limits) {
        this.tenantId = tenantId;
        this.modelId = modelId;
        this.reserved = reserved;
        this.objects = objects;
        this.reservations = reservations;
        this.limits = limits;
    }

    @Override
    public void accept(ModelSource part, String fileName, InputStream content) throws IOException {
        if (source != null) {
            throw ModelRefusals.invalid(
                    part.part(), "is a second model in one upload: send either file or archive, once");
        }
        source = part;
        buffer = objects.partBuffer();
        try {
            files = part == ModelSource.FILE
                    ? List.of(store(singleFilePath(fileName), 0, content))
                    : new ArchiveReader(limits.maxFiles(), limits.centralDirectoryBytes()).read(content, this::store);
        } catch (MalformedArchiveException e) {
            throw ModelRefusals.badArchive(e);
        } catch (ObjectTooLargeException e) {
            throw ModelRefusals.tooLarge(Math.min(limits.maxBytes(), e.maxBytes()));
        }
    }

    private ReceivedFile store(String path, int ordinal, InputStream content) throws IOException {
        String key = ModelKeys.file(tenantId, modelId, ordinal);
        var digesting = new DigestingStream(content, this);
        objects.putStream(key, digesting, "application/octet-stream", buffer);
        return digesting.received(path, key);
    }

    /** Before any received chunk can be stored: the size limit, then quota reserved ahead of the bytes. */
    @Override
    public void received(long bytes) {
        total += bytes;
        if (total > limits.maxBytes()) {
            throw ModelRefusals.tooLarge(limits.maxBytes());
        }
        if (total > reserved) {
            reserved = reservations.extend(tenantId, modelId, total - reserved, limits.reservationStepBytes());
        }
    }

    private static String singleFilePath(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return UNNAMED_FILE;
        }
        var problem = EntryNames.problem(fileName);
        if (problem.isEmpty() && fileName.contains("/")) {
            problem = java.util.Optional.of("has a path; send the file's own name");
        }
        if (problem.isPresent()) {
            throw ModelRefusals.invalid(ModelSource.FILE.part(), "file name \"" + fileName + "\" " + problem.get());
        }
        return fileName;
    }

    ModelSource source() {
        return source;
    }

    List<ReceivedFile> files() {
        return files;
    }
}
