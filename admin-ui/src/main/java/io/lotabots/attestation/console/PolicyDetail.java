package io.lotabots.attestation.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.List;
import java.util.function.Function;

/** One version of a policy in full (what it holds is the type's {@code body}), with a choice of its other versions. */
class PolicyDetail<V> extends VerticalLayout {

    private final PolicyBook<V> book;
    private final Function<V, List<Component>> body;
    private final ComboBox<Integer> version = new ComboBox<>("Version");
    private final VerticalLayout content = new VerticalLayout();
    private V shown;

    /** Ids start with {@code prefix}: {@code prefix-detail}, {@code prefix-version}. */
    PolicyDetail(PolicyBook<V> book, String prefix, Function<V, List<Component>> body) {
        this.book = book;
        this.body = body;
        setId(prefix + "-detail");
        setPadding(false);
        version.setId(prefix + "-version");
        version.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null && shown != null) {
                load(book.name(shown), change.getValue());
            }
        });
        content.setPadding(false);
        add(version, content);
        setVisible(false);
    }

    void show(V policy) {
        shown = policy;
        setVisible(policy != null);
        content.removeAll();
        if (policy == null) {
            return;
        }
        version.setItems(book.versions(policy));
        version.setValue(book.version(policy));
        content.add(new H3(book.name(policy) + " — version " + book.version(policy)));
        body.apply(policy).forEach(content::add);
    }

    V shown() {
        return shown;
    }

    private void load(String name, int number) {
        try {
            show(book.find(ConsoleSession.caller(), name, number));
        } catch (Refusal gone) {
            show(null);
        }
    }

    static Div line(String id, String text) {
        Div div = new Div(text);
        div.setId(id);
        return div;
    }

    static Pre pre(String id, String text) {
        Pre pre = new Pre(text);
        pre.setId(id);
        return pre;
    }

    static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
