package io.lotabots.audit.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import io.lotabots.audit.boundary.AuditEventView;

/** One event in full: who, what, where from, and its details JSON. */
class EventDetailDialog extends Dialog {

    EventDetailDialog(AuditEventView event) {
        setId("audit-detail");
        setHeaderTitle(event.action() + " — " + event.outcome());
        Pre details = new Pre(event.details() == null ? "{}" : event.details().toString());
        details.setId("audit-detail-json");
        add(
                new Div("Event " + event.eventId()
                        + (event.sequence() == null ? " (not yet sealed)" : ", sequence " + event.sequence())),
                new Div("At " + event.occurredAt() + " by " + event.actorName() + " (" + event.actor() + ")"),
                new Div("From " + event.sourceIp() + ", " + event.userAgent()),
                details);
        Button close = new Button("Close", click -> close());
        close.setId("audit-detail-close");
        getFooter().add(close);
    }
}
