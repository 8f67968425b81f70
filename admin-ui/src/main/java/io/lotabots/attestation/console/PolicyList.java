package io.lotabots.attestation.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.security.ConsoleSession;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tenant's policies of one type at their latest versions, any version in full, and for administrators
 * the form for a new policy or the next version of the selected one (the API lets operators too, who have
 * no console). Ids start with the type's prefix: {@code prefix-create}, {@code prefix-edit}, and the
 * plural's {@code -view} and {@code -grid}.
 */
abstract class PolicyList<V> extends VerticalLayout {

    private static final int PAGE_SIZE = 50;

    private final PolicyBook<V> book;
    private final Grid<V> grid = new Grid<>();
    private final PolicyDetail<V> detail;
    private final Button edit = new Button("New version");

    /**
     * {@code form} opens on the version to start from (null: a new policy) and hands what it wrote to its
     * consumer; {@code body} is what the detail shows of a version.
     */
    PolicyList(
            PolicyBook<V> book,
            String prefix,
            String plural,
            String title,
            BiFunction<V, Consumer<V>, Dialog> form,
            Function<V, List<Component>> body) {
        this.book = book;
        this.detail = new PolicyDetail<>(book, prefix, body);
        setId(plural + "-view");
        grid.setId(plural + "-grid");
        grid.setHeight("20em");
        grid.addColumn(book::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(book::version).setHeader("Latest version").setAutoWidth(true);
        grid.addColumn(p -> book.versions(p).size()).setHeader("Versions").setAutoWidth(true);
        columns(grid);
        grid.asSingleSelect().addValueChangeListener(change -> {
            detail.show(change.getValue());
            edit.setEnabled(change.getValue() != null);
        });
        add(new H2(title));
        if (ConsoleSession.caller().isAdmin()) {
            Button create = new Button(
                    "New policy", click -> form.apply(null, this::saved).open());
            create.setId(prefix + "-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edit.setId(prefix + "-edit");
            edit.setEnabled(false);
            edit.addClickListener(
                    click -> form.apply(detail.shown(), this::saved).open());
            add(new HorizontalLayout(create, edit));
        }
        add(grid, detail);
        refresh();
    }

    /** The type's own columns, after name and version numbers. */
    abstract void columns(Grid<V> grid);

    private void refresh() {
        var caller = ConsoleSession.caller();
        var pages = new CursorPages<V, String>(cursor -> {
            var page = book.page(caller, cursor, PAGE_SIZE);
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
    }

    private void saved(V written) {
        refresh();
        detail.show(written);
        edit.setEnabled(true);
    }
}
