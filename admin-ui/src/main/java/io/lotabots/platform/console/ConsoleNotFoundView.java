package io.lotabots.platform.console;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.servlet.http.HttpServletResponse;

/** Shown for console addresses that lead nowhere: a plain sentence and a way back, never a stack trace. */
@ParentLayout(MainLayout.class)
public class ConsoleNotFoundView extends VerticalLayout
        implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    private final Paragraph explanation = new Paragraph();

    public ConsoleNotFoundView() {
        setId("not-found");
        explanation.setId("not-found-path");
        RouterLink back = new RouterLink("Back to dependencies", DependencyStatusView.class);
        back.setId("not-found-home");
        add(new H2("Page not found"), explanation, back);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        explanation.setText(
                "The console has no page at '/" + event.getLocation().getPath() + "'.");
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return "Page not found — LotaBots";
    }
}
