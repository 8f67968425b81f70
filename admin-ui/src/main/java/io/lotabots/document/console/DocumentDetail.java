package io.lotabots.document.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import io.lotabots.document.boundary.DocumentVersionView;
import io.lotabots.document.boundary.DocumentView;
import io.lotabots.document.boundary.Documents;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.console.Confirmation;
import io.lotabots.platform.console.ByteSizes;
import io.lotabots.platform.refusal.Refusal;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One document: its metadata, every version with a download, and for writers a new version's upload based
 * on the version shown (a document changed meanwhile refuses it, as If-Match does in the API); administrators
 * delete after confirming.
 */
class DocumentDetail extends VerticalLayout {

    private final Documents documents;
    private final Caller caller;
    private final Consumer<DocumentView> changed;
    private final Runnable deleted;
    private final H3 title = new H3();
    private final Div facts = new Div();
    private final Div tags = new Div();
    private final Div attributes = new Div();
    private final Div created = new Div();
    private final HorizontalLayout current = new HorizontalLayout();
    private final Span status = new Span();
    private final Grid<DocumentVersionView> versions = new Grid<>();
    /** The document as shown: a new version is based on it. Read on the upload's request thread. */
    private final AtomicReference<DocumentView> shown = new AtomicReference<>();

    private Upload upload;

    DocumentDetail(Documents documents, Caller caller, Consumer<DocumentView> changed, Runnable deleted) {
        this.documents = documents;
        this.caller = caller;
        this.changed = changed;
        this.deleted = deleted;
        setId("document-detail");
        setPadding(false);
        title.setId("document-detail-title");
        facts.setId("document-detail-facts");
        tags.setId("document-detail-tags");
        attributes.setId("document-detail-attributes");
        created.setId("document-detail-created");
        current.setId("document-detail-download");
        status.setId("document-version-status");
        versions.setId("document-versions-grid");
        versions.setAllRowsVisible(true);
        versions.addColumn(DocumentVersionView::number).setHeader("Version").setAutoWidth(true);
        versions.addColumn(DocumentVersionView::fileName).setHeader("File").setAutoWidth(true);
        versions.addColumn(DocumentVersionView::contentType).setHeader("Type").setAutoWidth(true);
        versions.addColumn(v -> ByteSizes.of(v.size())).setHeader("Size").setAutoWidth(true);
        versions.addColumn(DocumentVersionView::sha256).setHeader("SHA-256").setAutoWidth(true);
        versions.addColumn(DocumentVersionView::createdAt)
                .setHeader("Stored (UTC)")
                .setAutoWidth(true);
        versions.addColumn(v -> v.createdByName() == null ? v.createdBy() : v.createdByName())
                .setHeader("By")
                .setAutoWidth(true);
        versions.addComponentColumn(v -> download(v.number(), "Download", "document-version-download-" + v.number()))
                .setHeader("Content")
                .setAutoWidth(true);
        add(title, facts, tags, attributes, created, current);
        if (DocumentRoles.writes(caller)) {
            add(versionUpload(), status);
        }
        add(versions);
        if (DocumentRoles.deletes(caller)) {
            var delete = new Button("Delete document", click -> confirmDelete());
            delete.setId("document-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(delete);
        }
        setVisible(false);
    }

    void show(DocumentView document) {
        shown.set(document);
        setVisible(document != null);
        current.removeAll();
        if (document == null) {
            versions.setItems(List.of());
            return;
        }
        title.setText(document.title());
        facts.setText("Id " + document.id() + " · version " + document.currentVersion() + " · " + document.contentType()
                + " · " + ByteSizes.of(document.size()) + " · SHA-256 " + document.sha256());
        tags.setText("Tags: " + (document.tags().isEmpty() ? "none" : String.join(", ", document.tags())));
        attributes.setText("Attributes: " + document.attributes());
        created.setText("Created at " + document.createdAt() + " by "
                + (document.createdByName() == null ? document.createdBy() : document.createdByName())
                + " · changed at " + document.updatedAt());
        current.add(download(null, "Download current version", "document-download"));
        versions.setItems(documents.versions(caller, document.id()));
    }

    private Component download(Integer number, String text, String id) {
        var document = shown.get();
        var anchor = new Anchor(new DocumentDownload(documents, caller, document.id(), number), text);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private Component versionUpload() {
        upload = new Upload(new DocumentUploadHandler(this::versionTarget, this::versionStored, this::refused, () -> {
            upload.clearFileList();
            status.setText("The upload broke off; no version was stored.");
        }));
        upload.setId("document-version-upload");
        upload.setUploadButton(new Button("Upload new version"));
        upload.addSucceededListener(done -> upload.clearFileList());
        return upload;
    }

    /** A new version of the document shown, based on the version shown (null when nothing is shown). */
    private DocumentUploadHandler.Target versionTarget() {
        var document = shown.get();
        if (document == null || !DocumentRoles.writes(caller)) {
            return null;
        }
        return (fileName, type, content) ->
                documents.addVersion(caller, document.id(), document.version(), fileName, type, content);
    }

    private void versionStored(DocumentView document) {
        status.setText("Stored version " + document.currentVersion() + " (" + ByteSizes.of(document.size()) + ")");
        show(document);
        changed.accept(document);
    }

    private void refused(Refusal refusal) {
        // a failed file left in the upload's list would be sent again with the next one
        upload.clearFileList();
        var document = shown.get();
        if (refusal.kind() == Refusal.Kind.STALE_VERSION && document != null) {
            status.setText("Not stored: the document changed since you opened it (someone else stored a version or"
                    + " changed it). It is shown as it is now; check it and upload again.");
            try {
                show(documents.find(caller, document.id()));
                changed.accept(shown.get());
            } catch (Refusal gone) {
                show(null);
                deleted.run();
            }
            return;
        }
        status.setText("Not stored: " + DocumentsView.describe(refusal));
    }

    private void confirmDelete() {
        var document = shown.get();
        if (document == null) {
            return;
        }
        Confirmation.ask(
                "document-delete-dialog",
                "Delete " + document.title() + "?",
                "It disappears at once; every version's content is purged after the retention period.",
                "Delete",
                () -> {
                    try {
                        documents.delete(caller, document.id(), document.version());
                        com.vaadin.flow.component.notification.Notification.show("Deleted " + document.title());
                        show(null);
                        deleted.run();
                    } catch (Refusal refusal) {
                        status.setText("Not deleted: " + DocumentsView.describe(refusal));
                        com.vaadin.flow.component.notification.Notification.show(
                                "Not deleted: " + DocumentsView.describe(refusal));
                    }
                });
    }
}
