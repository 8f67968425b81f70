package io.lotabots.document.control;

import java.util.UUID;

/**
 * Where a document's versions live in S3: {@code documents/{tenant}/{document}/v{n}}. The tenant is the
 * second segment, which storage-level encryption derives the tenant's key from.
 */
public final class DocumentKeys {

    private DocumentKeys() {}

    public static String prefix(UUID tenantId, UUID documentId) {
        return "documents/" + tenantId + "/" + documentId + "/";
    }

    public static String version(UUID tenantId, UUID documentId, int keyNumber) {
        return prefix(tenantId, documentId) + "v" + keyNumber;
    }
}
