package io.lotabots.document.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.lotabots.document.boundary.ContentForm;
import io.lotabots.document.boundary.DocumentMetadata;
import io.lotabots.document.boundary.DocumentView;
import io.lotabots.document.boundary.Documents;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.ByteSizes;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The tenant's documents: search by title prefix, tag and creation time (kept in the URL), newest first in
 * cursor pages, a document's metadata and versions with downloads, and for writers uploads of new documents
 * and versions streamed to the API's boundary with the browser's progress bar. Same roles as the API.
 */
@Route(value = "documents", layout = MainLayout.class)
@PageTitle("Documents — LotaBots")
@Menu(title = "Documents", order = 6.5, icon = "vaadin:folder-open")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class DocumentsView extends VerticalLayout implements BeforeEnterObserver {

    static final String EMPTY = "No documents match these filters.";
    private static final int PAGE_SIZE = 50;

    private final Documents documents;
    private final Caller caller = ConsoleSession.caller();
    private final TextField titlePrefix = new TextField("Title starts with");
    private final TextField tag = new TextField("Tag");
    private final DateTimePicker from = new DateTimePicker("Created from (UTC)");
    private final DateTimePicker before = new DateTimePicker("Created before (UTC)");
    private final Grid<DocumentView> grid = new Grid<>();
    private final DocumentDetail detail;
    private final TextField newTitle = new TextField("Title");
    private final TextField newTags = new TextField("Tags (comma-separated)");
    private final Span uploadStatus = new Span();
    private Upload upload;
    private final FieldErrors errors =
            new FieldErrors(newTitle).on("title", newTitle).on("tags", newTags);
    /** What the upload form says when the file is sent; read on the upload's request thread. */
    private final AtomicReference<String[]> pending = new AtomicReference<>(new String[] {"", ""});

    private DocumentSearch search = DocumentSearch.NONE;

    @Inject
    public DocumentsView(Documents documents) {
        this.documents = documents;
        this.detail = new DocumentDetail(documents, caller, changed -> refresh(), this::refresh);
        setId("documents-view");
        add(new H2("Documents"), searchForm());
        if (DocumentRoles.writes(caller)) {
            add(uploadForm());
        }
        configureGrid();
        add(grid, detail);
    }

    private FlexLayout searchForm() {
        titlePrefix.setId("document-search-title");
        tag.setId("document-search-tag");
        from.setId("document-search-from");
        before.setId("document-search-before");
        var run = new Button("Search", click -> submit());
        run.setId("document-search");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FlexLayout(titlePrefix, tag, from, before, run);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        form.setId("document-search-form");
        return form;
    }

    private VerticalLayout uploadForm() {
        newTitle.setId("document-title");
        newTitle.setRequiredIndicatorVisible(true);
        newTags.setId("document-tags");
        // the upload is a request of its own: the metadata must be on the server before the file is sent
        newTitle.setValueChangeMode(ValueChangeMode.EAGER);
        newTags.setValueChangeMode(ValueChangeMode.EAGER);
        newTitle.addValueChangeListener(change -> remember());
        newTags.addValueChangeListener(change -> remember());
        upload = new Upload(
                new DocumentUploadHandler(this::newDocumentTarget, this::stored, this::refused, this::brokenOff));
        upload.setId("document-upload");
        upload.setDropAllowed(true);
        upload.addSucceededListener(done -> upload.clearFileList());
        uploadStatus.setId("document-upload-status");
        var fields = new HorizontalLayout(newTitle, newTags, upload);
        fields.setAlignItems(Alignment.BASELINE);
        var form = new VerticalLayout(new H3("Upload a document"), fields, uploadStatus);
        form.setPadding(false);
        form.setId("document-upload-form");
        return form;
    }

    private void remember() {
        pending.set(new String[] {newTitle.getValue(), newTags.getValue()});
    }

    /**
     * A new document with the form's metadata, checked before a byte is sent (the boundary checks it again),
     * so a refused title costs no upload.
     */
    private DocumentUploadHandler.Target newDocumentTarget() {
        if (!DocumentRoles.writes(caller)) {
            return null;
        }
        String[] form = pending.get();
        JsonObject metadata = metadata(form[0], form[1]);
        DocumentMetadata.of(metadata, "metadata.");
        return (fileName, type, content) -> documents.create(caller, new ContentForm() {
            @Override
            public JsonObject read(ContentSink sink) throws java.io.IOException {
                sink.accept(fileName, type, content);
                return metadata;
            }
        });
    }

    /** Title and comma-separated tags as the API's metadata JSON (no attributes: the console does not set them). */
    static JsonObject metadata(String title, String tags) {
        var list = Arrays.stream(tags == null ? new String[0] : tags.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toList());
        return Json.createObjectBuilder()
                .add("title", title == null ? "" : title)
                .add("tags", Json.createArrayBuilder(list))
                .build();
    }

    private void configureGrid() {
        grid.setId("documents-grid");
        grid.setHeight("20em");
        grid.addColumn(DocumentView::title).setHeader("Title").setAutoWidth(true);
        grid.addColumn(d -> String.join(", ", d.tags())).setHeader("Tags").setAutoWidth(true);
        grid.addColumn(DocumentView::currentVersion).setHeader("Version").setAutoWidth(true);
        grid.addColumn(DocumentView::contentType).setHeader("Type").setAutoWidth(true);
        grid.addColumn(d -> ByteSizes.of(d.size())).setHeader("Size").setAutoWidth(true);
        grid.addColumn(DocumentView::createdAt).setHeader("Created (UTC)").setAutoWidth(true);
        grid.addColumn(d -> d.createdByName() == null ? d.createdBy() : d.createdByName())
                .setHeader("By")
                .setAutoWidth(true);
        grid.setEmptyStateText(EMPTY);
        // a refreshed list drops the selection; the detail keeps what it shows until another row is chosen
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                show(change.getValue());
            }
        });
    }

    private void show(DocumentView document) {
        try {
            detail.show(document == null ? null : documents.find(caller, document.id()));
        } catch (Refusal gone) {
            detail.show(null);
            refresh();
        }
    }

    /** The URL's filters (first visit, reload, a shared link) fill the form and run. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parsed = DocumentSearch.fromParameters(
                event.getLocation().getQueryParameters().getParameters());
        if (!parsed.ignored().isEmpty()) {
            Notification.show("Ignored unreadable filter(s) in the address: " + String.join(", ", parsed.ignored()));
        }
        search = parsed.search();
        titlePrefix.setValue(search.titlePrefix() == null ? "" : search.titlePrefix());
        tag.setValue(search.tag() == null ? "" : search.tag());
        from.setValue(search.from() == null ? null : LocalDateTime.ofInstant(search.from(), ZoneOffset.UTC));
        before.setValue(search.before() == null ? null : LocalDateTime.ofInstant(search.before(), ZoneOffset.UTC));
        refresh();
    }

    private void submit() {
        titlePrefix.setInvalid(false);
        tag.setInvalid(false);
        before.setInvalid(false);
        if (!DocumentSearch.readable(titlePrefix.getValue())) {
            titlePrefix.setErrorMessage("Must not contain control characters");
            titlePrefix.setInvalid(true);
            return;
        }
        if (!DocumentSearch.readable(tag.getValue())) {
            tag.setErrorMessage("Must not contain control characters");
            tag.setInvalid(true);
            return;
        }
        var next = new DocumentSearch(titlePrefix.getValue(), tag.getValue(), instant(from), instant(before));
        if (next.from() != null && next.before() != null && !next.from().isBefore(next.before())) {
            before.setErrorMessage("Must be after Created from");
            before.setInvalid(true);
            return;
        }
        search = next;
        refresh();
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(null, new Location("documents", QueryParameters.simple(search.parameters()))));
    }

    private static Instant instant(DateTimePicker picker) {
        return picker.getValue() == null ? null : picker.getValue().toInstant(ZoneOffset.UTC);
    }

    private void refresh() {
        var query = search;
        var pages = new CursorPages<DocumentView, String>(cursor -> {
            var page = documents.page(caller, query.query(cursor, PAGE_SIZE));
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        grid.setItems(q -> pages.fetch(q.getOffset(), q.getLimit()));
    }

    private void stored(DocumentView document) {
        errors.clear();
        uploadStatus.setText("Stored " + document.title() + " (" + document.contentType() + ", "
                + ByteSizes.of(document.size()) + ")");
        refresh();
        detail.show(document);
    }

    private void brokenOff() {
        upload.clearFileList();
        uploadStatus.setText("The upload broke off; nothing was stored.");
    }

    private void refused(Refusal refusal) {
        // a failed file left in the upload's list would be sent again with the next one
        upload.clearFileList();
        // the form's fields are the metadata's members: "metadata.title" is the title field
        var metadata = refusal.problems().stream()
                .filter(p -> p.field().startsWith("metadata."))
                .map(p -> new FieldProblem(p.field().substring("metadata.".length()), p.message()))
                .toList();
        if (!metadata.isEmpty()) {
            errors.show(metadata);
        } else {
            errors.clear();
        }
        uploadStatus.setText("Not stored: " + describe(refusal));
    }

    /** A refusal in one sentence: its detail and each field problem. */
    static String describe(Refusal refusal) {
        var text = new StringBuilder(refusal.detail() == null ? refusal.title() : refusal.detail());
        for (FieldProblem problem : refusal.problems()) {
            text.append(" ")
                    .append(problem.field())
                    .append(" ")
                    .append(problem.message())
                    .append(".");
        }
        return text.toString();
    }
}
