package io.lotabots.document.boundary;

import io.lotabots.document.control.ContentSniffer;
import io.lotabots.document.control.DocumentCache;
import io.lotabots.document.control.DocumentKeys;
import io.lotabots.document.control.DocumentObjects;
import io.lotabots.document.control.ReceivedContent;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tenant's documents. Content streams into S3 as it is received, with no transaction open meanwhile; the
 * rows follow in one short transaction once it is stored. Whatever fails or is refused on the way removes
 * what was stored (and the sweeper removes what a dead server left), so there is never a row without its
 * object nor an object without its row. A CDI bean rather than an EJB for the same reason as {@code Models}:
 * its long calls run outside any transaction.
 */
@ApplicationScoped
public class Documents {

    private static final Logger LOG = Logger.getLogger(Documents.class.getName());
    private static final Type PAGE_TYPE = new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {DocumentView.class};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    };

    @Inject
    DocumentRecords records;

    @Inject
    DocumentObjects objects;

    @Inject
    DocumentCache cache;

    @Inject
    DocumentLimits limits;

    /** Stores the form's file as a new document's first version and records it with the form's metadata. */
    public DocumentView create(Caller caller, ContentForm form) throws IOException {
        UUID id = TimeOrderedIds.next();
        String key = DocumentKeys.version(caller.tenantId(), id, 1);
        records.beginUpload(key, caller.tenantId(), id, true);
        var upload = new Upload(key);
        boolean recording = false;
        try {
            JsonObject metadataJson = form.read(upload::store);
            if (metadataJson == null) {
                throw DocumentRefusals.metadataRequired();
            }
            var metadata = DocumentMetadata.of(metadataJson, "metadata.");
            if (upload.stored == null) {
                throw DocumentRefusals.fileRequired();
            }
            recording = true;
            var view = records.create(
                    caller, id, upload.stored, upload.sha256, upload.contentType, upload.fileName, metadata);
            cache.changed(caller.tenantId(), id);
            return view;
        } catch (IOException | RuntimeException | Error failure) {
            discard(key, () -> objects.deletePrefix(DocumentKeys.prefix(caller.tenantId(), id)), recording, failure);
            throw failure;
        }
    }

    /** Stores {@code content} as the document's next version, if the document is still at {@code expected}. */
    public DocumentView addVersion(
            Caller caller, UUID id, Long expected, String fileName, String declaredType, InputStream content)
            throws IOException {
        var current = records.find(caller.tenantId(), id);
        long version = required(expected, current);
        String key = DocumentKeys.version(caller.tenantId(), id, records.allocateKeyNumber(caller, id));
        records.beginUpload(key, caller.tenantId(), id, false);
        var upload = new Upload(key);
        boolean recording = false;
        try {
            upload.store(fileName, declaredType, content);
            recording = true;
            var view = records.addVersion(
                    caller, id, version, upload.stored, upload.sha256, upload.contentType, upload.fileName);
            cache.changed(caller.tenantId(), id);
            return view;
        } catch (IOException | RuntimeException | Error failure) {
            discard(key, () -> objects.delete(key), recording, failure);
            throw failure;
        }
    }

    /** Applies a JSON merge patch (RFC 7396) to the metadata, if the document is still at {@code expected}. */
    public DocumentView patch(Caller caller, UUID id, Long expected, JsonObject mergePatch) {
        var current = records.find(caller.tenantId(), id);
        long version = required(expected, current);
        var patched = Json.createMergePatch(mergePatch).apply(current.metadata());
        if (!(patched instanceof JsonObject object)) {
            throw DocumentRefusals.invalid("body", "must patch the metadata object");
        }
        var view = records.describe(caller, id, version, DocumentMetadata.of(object, ""));
        cache.changed(caller.tenantId(), id);
        return view;
    }

    /** Soft-deletes the document; its content is purged after the retention period. */
    public void delete(Caller caller, UUID id, Long expected) {
        records.delete(caller, id, expected);
        cache.changed(caller.tenantId(), id);
    }

    public DocumentView find(Caller caller, UUID id) {
        return cache.document(caller.tenantId(), id, () -> records.findIfLive(caller.tenantId(), id)
                        .map(view -> Json.binding().toJson(view)))
                .map(json -> Json.binding().fromJson(json, DocumentView.class))
                .orElseThrow(DocumentRefusals::notFound);
    }

    public Page<DocumentView> page(Caller caller, DocumentQuery query) {
        var position = DocumentPosition.of(query.cursor(), query.sort());
        @SuppressWarnings("unchecked") // the parser below makes exactly this type
        List<DocumentView> rows = (List<DocumentView>) cache.page(
                        caller.tenantId(),
                        query.cacheKey(),
                        () -> Optional.of(Json.binding()
                                .toJson(records.page(caller.tenantId(), query, position, query.limit() + 1))),
                        json -> List.copyOf(Json.binding().<List<DocumentView>>fromJson(json, PAGE_TYPE)))
                .orElseThrow();
        return Page.of(rows, query.limit(), v -> v, last -> DocumentPosition.after(last, query.sort()));
    }

    public List<DocumentVersionView> versions(Caller caller, UUID id) {
        return records.versions(caller.tenantId(), id);
    }

    /**
     * Where a version's content is ({@code number} null: the current one), with the read audited: {@code
     * range} is what the client asked for, or null for the whole.
     */
    public DocumentContent content(Caller caller, UUID id, Integer number, String range) {
        var content = records.content(caller.tenantId(), id, number);
        records.auditRead(caller, id, content, range);
        return content;
    }

    /** Bytes {@code [start, endExclusive)} of a version's content. */
    public InputStream open(DocumentContent content, long start, long endExclusive) {
        return DocumentObjects.guarded(() -> objects.open(content.objectKey(), start, endExclusive));
    }

    private static long required(Long expected, DocumentView current) {
        if (expected == null) {
            throw DocumentRefusals.ifMatchRequired();
        }
        if (expected != current.version()) {
            throw DocumentRefusals.stale(current.version());
        }
        return expected;
    }

    /**
     * Clears what a failed upload stored, unless its rows may have committed after all (the failure came
     * from the commit); when S3 does not answer now, the upload's row is marked failed and the sweeper's next
     * run removes what it stored.
     */
    private void discard(String key, Runnable removeObjects, boolean recording, Throwable failure) {
        try {
            if (recording && records.objectRecorded(key)) {
                return;
            }
            DocumentObjects.guarded(() -> {
                removeObjects.run();
                return null;
            });
            records.endUpload(key);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.log(Level.WARNING, "Could not clear failed upload " + key + " now; the sweeper will", e);
            try {
                records.uploadFailed(key);
            } catch (RuntimeException alsoDown) {
                // the upload's row stays as it is: the sweeper clears it once it counts as abandoned
                failure.addSuppressed(alsoDown);
            }
        }
    }

    /** One version's content as it is received: sniffed, limited, counted, hashed and stored. */
    private final class Upload {

        private final String key;
        private StoredObject stored;
        private String sha256;
        private String contentType;
        private String fileName;

        Upload(String key) {
            this.key = key;
        }

        void store(String fileName, String declaredType, InputStream content) throws IOException {
            if (stored != null) {
                throw DocumentRefusals.invalid("file", "is sent twice: one file per upload");
            }
            this.fileName = FileNames.checked(fileName);
            this.contentType = declaredType == null || declaredType.isBlank()
                    ? "application/octet-stream"
                    : MediaTypes.checked(declaredType);
            var head = new PushbackInputStream(content, ContentSniffer.HEAD_BYTES);
            byte[] first = head.readNBytes(ContentSniffer.HEAD_BYTES);
            head.unread(first);
            limits.contentPolicy()
                    .refusal(contentType, ContentSniffer.sniff(first, first.length))
                    .ifPresent(reason -> {
                        throw DocumentRefusals.unsupportedContent(reason);
                    });
            var received = new ReceivedContent(head, limits.maxBytes(), max -> {
                throw DocumentRefusals.tooLarge(max);
            });
            stored = DocumentObjects.guardedIo(() -> objects.store(key, received, contentType));
            sha256 = received.sha256Hex();
        }
    }
}
