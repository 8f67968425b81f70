package io.lotabots.model.console;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.lotabots.model.boundary.ModelFileView;
import io.lotabots.model.boundary.ModelView;
import io.lotabots.platform.console.ByteSizes;
import java.util.List;

/** One stored model: what it is, who uploaded it, and every file with its size, format and SHA-256. */
class ModelDetail extends VerticalLayout {

    private final H3 title = new H3();
    private final Div facts = new Div();
    private final Div digest = new Div();
    private final Div uploaded = new Div();
    private final Grid<ModelFileView> files = new Grid<>();

    ModelDetail() {
        setId("model-detail");
        setPadding(false);
        title.setId("model-detail-name");
        facts.setId("model-detail-facts");
        digest.setId("model-detail-sha256");
        uploaded.setId("model-detail-uploaded");
        files.setId("model-files-grid");
        files.setAllRowsVisible(true);
        files.addColumn(ModelFileView::path).setHeader("Path").setAutoWidth(true);
        files.addColumn(f -> ByteSizes.of(f.size())).setHeader("Size").setAutoWidth(true);
        files.addColumn(ModelFileView::format).setHeader("Format").setAutoWidth(true);
        files.addColumn(ModelFileView::sha256).setHeader("SHA-256").setAutoWidth(true);
        files.addColumn(f -> f.symlink() ? "symlink" : "").setHeader("Link").setAutoWidth(true);
        add(title, facts, digest, uploaded, files);
        setVisible(false);
    }

    void show(ModelView model) {
        setVisible(model != null);
        if (model == null) {
            files.setItems(List.of());
            return;
        }
        title.setText(model.name());
        facts.setText("Id " + model.id() + " · " + model.kind() + " · format " + model.format() + " · "
                + ByteSizes.of(model.size()) + " in " + model.fileCount()
                + (model.fileCount() == 1 ? " file" : " files"));
        digest.setText(
                model.sha256() == null ? "A directory: each file has its own SHA-256." : "SHA-256 " + model.sha256());
        uploaded.setText("Uploaded at " + model.createdAt() + " by "
                + (model.createdByName() == null ? model.createdBy() : model.createdByName()));
        files.setItems(model.files() == null ? List.of() : model.files());
    }
}
