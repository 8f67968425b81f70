package io.lotabots.model.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.console.Confirmation;
import io.lotabots.identity.entity.Role;
import io.lotabots.model.boundary.ModelSource;
import io.lotabots.model.boundary.ModelView;
import io.lotabots.model.boundary.Models;
import io.lotabots.platform.console.ByteSizes;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tenant's stored models, newest first, with each one's files and digests. Administrators upload (a
 * single file or a zip of a model directory, streamed to the same boundary as the API's uploads, with the
 * browser's progress bar) and delete; the API also lets operators and developers upload, who have no console.
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models — LotaBots")
@Menu(title = "Models", order = 6, icon = "vaadin:cubes")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class ModelsView extends VerticalLayout {

    private static final int PAGE_SIZE = 50;

    private final Models models;
    private final Caller caller;
    private final Grid<ModelView> grid = new Grid<>();
    private final ModelDetail detail = new ModelDetail();
    private final Button delete = new Button("Delete model");
    private final TextField name = new TextField("Model name");
    private final RadioButtonGroup<ModelSource> source = new RadioButtonGroup<>("The file is");
    private final FieldErrors errors = new FieldErrors(name)
            .on("name", name)
            .on(ModelSource.FILE.part(), source)
            .on(ModelSource.ARCHIVE.part(), source);
    private final AtomicReference<ModelUploadHandler.Request> pending =
            new AtomicReference<>(new ModelUploadHandler.Request("", ModelSource.FILE));

    @Inject
    public ModelsView(Models models) {
        this.models = models;
        this.caller = ConsoleSession.caller();
        setId("models-view");
        configureGrid();
        add(new H2("Models"));
        if (caller.isAdmin()) {
            add(uploadForm());
        }
        add(grid);
        if (caller.isAdmin()) {
            delete.setId("model-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.setEnabled(false);
            delete.addClickListener(click -> confirmDelete(grid.asSingleSelect().getValue()));
            add(delete);
        }
        add(detail);
        refresh();
    }

    private HorizontalLayout uploadForm() {
        name.setId("model-name");
        name.setRequiredIndicatorVisible(true);
        // the upload is a request of its own: the name must be on the server before the file is sent
        name.setValueChangeMode(ValueChangeMode.EAGER);
        source.setId("model-source");
        source.setItems(ModelSource.FILE, ModelSource.ARCHIVE);
        source.setItemLabelGenerator(s -> s == ModelSource.FILE ? "a single model file" : "a zip of a model directory");
        source.setValue(ModelSource.FILE);
        name.addValueChangeListener(change -> remember());
        source.addValueChangeListener(change -> remember());
        var upload = new Upload(
                new ModelUploadHandler(models, caller, pending::get, this::stored, this::refused, this::brokenOff));
        upload.setId("model-upload");
        upload.setDropAllowed(true);
        var form = new HorizontalLayout(name, source, upload);
        form.setAlignItems(Alignment.BASELINE);
        form.setId("model-upload-form");
        return form;
    }

    private void remember() {
        pending.set(new ModelUploadHandler.Request(name.getValue(), source.getValue()));
    }

    private void configureGrid() {
        grid.setId("models-grid");
        grid.setHeight("20em");
        grid.addColumn(ModelView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ModelView::format).setHeader("Format").setAutoWidth(true);
        grid.addColumn(m -> ByteSizes.of(m.size())).setHeader("Size").setAutoWidth(true);
        grid.addColumn(ModelsView::digest).setHeader("SHA-256").setWidth("20em");
        grid.addColumn(ModelView::createdAt).setHeader("Uploaded (UTC)").setAutoWidth(true);
        grid.addColumn(m -> m.createdByName() == null ? m.createdBy() : m.createdByName())
                .setHeader("By")
                .setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(change -> {
            show(change.getValue());
            delete.setEnabled(change.getValue() != null);
        });
    }

    /** A single file's digest; a directory's files each have their own, listed in the detail. */
    static String digest(ModelView model) {
        return model.sha256() != null ? model.sha256() : model.fileCount() + " files, each with its digest";
    }

    private void show(ModelView model) {
        try {
            detail.show(model == null ? null : models.find(caller, model.id()));
        } catch (Refusal gone) {
            detail.show(null);
            refresh();
        }
    }

    private void refresh() {
        var pages = new CursorPages<ModelView, String>(cursor -> {
            var page = models.page(caller, cursor, PAGE_SIZE);
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
    }

    private void stored(ModelView model) {
        errors.clear();
        Notification.show("Stored " + model.name() + " (" + model.format() + ", " + ByteSizes.of(model.size()) + ")");
        refresh();
        detail.show(model);
    }

    private void refused(Refusal refusal) {
        errors.show(refusal);
        if (!refusal.problems().isEmpty()) {
            Notification.show("Not stored: " + refusal.getMessage());
        }
    }

    private void brokenOff() {
        Notification.show("The upload broke off; nothing was stored.");
    }

    private void confirmDelete(ModelView model) {
        if (model == null) {
            return;
        }
        Confirmation.ask(
                "model-delete-dialog",
                "Delete " + model.name() + "?",
                "Its files are deleted from storage; attestation results that name it keep its digests.",
                "Delete",
                () -> {
                    try {
                        models.delete(caller, model.id());
                        Notification.show("Deleted " + model.name());
                    } catch (Refusal refusal) {
                        Notification.show(refusal.getMessage());
                    }
                    detail.show(null);
                    delete.setEnabled(false);
                    refresh();
                });
    }
}
