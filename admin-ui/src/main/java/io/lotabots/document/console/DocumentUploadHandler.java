package io.lotabots.document.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.lotabots.document.boundary.DocumentView;
import io.lotabots.platform.refusal.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands the bytes of a console upload (a new document or a new version) to the document boundary as they
 * arrive, the path the API's uploads take: same checks, limits, cleanup and audit with the signed-in user as
 * actor; nothing is buffered here. Runs on the upload's request thread, outside the UI lock; results reach
 * the view by {@link UI#access}. A refused or broken upload answers with an error status, so the browser
 * marks the file failed.
 */
final class DocumentUploadHandler implements UploadHandler {

    /** Where the content goes; what the form said is read when the file is sent. */
    @FunctionalInterface
    interface Target {
        DocumentView store(String fileName, String declaredType, InputStream content) throws IOException;
    }

    private final Supplier<Target> target;
    private final Consumer<DocumentView> stored;
    private final Consumer<Refusal> refused;
    private final Runnable broken;

    /** {@code target} gives null when the signed-in user may not upload (or nothing is chosen to upload to). */
    DocumentUploadHandler(
            Supplier<Target> target, Consumer<DocumentView> stored, Consumer<Refusal> refused, Runnable broken) {
        this.target = target;
        this.stored = stored;
        this.refused = refused;
        this.broken = broken;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        Target to;
        try {
            to = target.get();
        } catch (Refusal refusal) {
            event.getResponse().setStatus(422);
            ui.access(() -> refused.accept(refusal));
            return;
        }
        if (to == null) {
            event.getResponse().setStatus(403);
            ui.access(() -> refused.accept(Refusal.forbidden("You may not upload documents here.")));
            return;
        }
        try (InputStream content = event.getInputStream()) {
            DocumentView document = to.store(event.getFileName(), event.getContentType(), content);
            ui.access(() -> stored.accept(document));
        } catch (Refusal refusal) {
            event.getResponse().setStatus(422);
            ui.access(() -> refused.accept(refusal));
        } catch (IOException brokenOff) {
            event.getResponse().setStatus(400);
            ui.access(broken::run);
        }
    }

    /** Keeps the error status set above; Vaadin would answer every upload that returns with 200. */
    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        if (!(response instanceof VaadinServletResponse servlet && servlet.getStatus() >= 400)) {
            UploadHandler.super.responseHandled(success, response);
        }
    }
}
