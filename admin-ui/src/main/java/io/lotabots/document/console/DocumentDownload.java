package io.lotabots.document.console;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.lotabots.document.boundary.DocumentContent;
import io.lotabots.document.boundary.Documents;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.refusal.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * One version's content (null: the current one) streamed from storage to the browser through the API's
 * boundary, so each download is audited as a content read with the signed-in user as actor and tenant
 * isolation is the API's. Nothing is held in memory.
 */
final class DocumentDownload implements DownloadHandler {

    private final Documents documents;
    private final Caller caller;
    private final UUID id;
    private final Integer number;

    DocumentDownload(Documents documents, Caller caller, UUID id, Integer number) {
        this.documents = documents;
        this.caller = caller;
        this.id = id;
        this.number = number;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        DocumentContent content;
        try {
            content = documents.content(caller, id, number, null);
        } catch (Refusal gone) {
            event.getResponse().setStatus(404);
            return;
        }
        event.setFileName(content.fileName() == null ? "document-" + id + "-v" + content.number() : content.fileName());
        event.setContentType(content.contentType());
        event.setContentLength(content.size());
        try (OutputStream out = event.getOutputStream()) {
            if (content.size() > 0) {
                try (InputStream in = documents.open(content, 0, content.size())) {
                    in.transferTo(out);
                }
            }
        }
    }
}
