package io.lotabots.model.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import io.lotabots.model.boundary.ModelSource;
import io.lotabots.model.boundary.ModelView;
import io.lotabots.model.boundary.Models;
import io.lotabots.model.boundary.UploadForm;
import io.lotabots.platform.refusal.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands the bytes of a console upload to {@link Models#upload} as they arrive, the path the API's multipart
 * uploads take (same limits, quota reservation, audit with the signed-in user as actor): nothing is buffered
 * here. Runs on the upload's request thread, outside the UI lock; results reach the view by
 * {@link UI#access}. A refused or broken upload answers with an error status, so the browser marks the file
 * failed.
 */
final class ModelUploadHandler implements UploadHandler {

    /** What the form said when the file was sent: the model's name and whether the file is a zip of a directory. */
    record Request(String name, ModelSource source) {}

    private final Models models;
    private final Caller caller;
    private final Supplier<Request> request;
    private final Consumer<ModelView> stored;
    private final Consumer<Refusal> refused;
    private final Runnable broken;

    ModelUploadHandler(
            Models models,
            Caller caller,
            Supplier<Request> request,
            Consumer<ModelView> stored,
            Consumer<Refusal> refused,
            Runnable broken) {
        this.models = models;
        this.caller = caller;
        this.request = request;
        this.stored = stored;
        this.refused = refused;
        this.broken = broken;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        if (!caller.roles().contains(Role.ADMIN)) {
            fail(event, 403);
            ui.access(() -> refused.accept(Refusal.forbidden("Only administrators upload models in the console.")));
            return;
        }
        Request sent = request.get();
        try {
            ModelView model = models.upload(caller, new Form(sent, event));
            ui.access(() -> stored.accept(model));
        } catch (Refusal refusal) {
            fail(event, 422);
            ui.access(() -> refused.accept(refusal));
        } catch (IOException brokenOff) {
            fail(event, 400);
            ui.access(broken::run);
        }
    }

    /** Keeps the error status {@link #fail} set; Vaadin would answer every upload that returns with 200. */
    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        if (!(response instanceof VaadinServletResponse servlet && servlet.getStatus() >= 400)) {
            UploadHandler.super.responseHandled(success, response);
        }
    }

    private static void fail(UploadEvent event, int status) {
        event.getResponse().setStatus(status);
    }

    /** The console's upload as the boundary reads forms: one content part, the name from the form's field. */
    private record Form(Request sent, UploadEvent event) implements UploadForm {

        @Override
        public String read(ContentSink sink) throws IOException {
            try (InputStream content = event.getInputStream()) {
                sink.accept(sent.source(), event.getFileName(), content);
            }
            return sent.name();
        }

        /** The request's Content-Length (the form around the file included), as the API reserves it. */
        @Override
        public long declaredBytes() {
            return event.getFileSize();
        }
    }
}
