package io.lotabots.consent.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import io.lotabots.consent.boundary.ConsentRecordView;
import io.lotabots.consent.boundary.Consents;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;

/** A record's consent receipt, pretty-printed for reading; the stored text is what the API returns. */
final class ReceiptDialog {

    private ReceiptDialog() {}

    static void open(Consents consents, UUID tenantId, ConsentRecordView record) {
        String receipt = consents.receipt(tenantId, record.id(), null).orElse("{}");
        Pre text = new Pre(pretty(receipt));
        text.setId("consent-receipt");
        Dialog dialog = new Dialog(text);
        dialog.setHeaderTitle("Consent receipt " + record.id());
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.setWidth("720px");
        dialog.open();
    }

    private static String pretty(String json) {
        var out = new StringWriter();
        try (var reader = Json.createReader(new StringReader(json));
                var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                        .createWriter(out)) {
            writer.write(reader.readObject());
        }
        return out.toString().strip();
    }
}
