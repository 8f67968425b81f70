package io.lotabots.attestation.console;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.lotabots.attestation.hardware.boundary.DeviceView;

/** One device in full: its keys, its activation and the last clock its quotes showed. */
class DeviceDetail extends VerticalLayout {

    DeviceDetail() {
        setId("device-detail");
        setPadding(false);
        setSpacing(false);
        setVisible(false);
    }

    void show(DeviceView device) {
        removeAll();
        setVisible(device != null);
        if (device == null) {
            return;
        }
        add(
                new H3(device.name() == null ? device.id().toString() : device.name()),
                line("device-detail-id", "Id: " + device.id()),
                line("device-detail-status", "Status: " + device.status()),
                line("device-detail-ak", "AK name: " + device.akName()),
                line(
                        "device-detail-ek-certificate",
                        "EK certificate: " + (device.ekCertificatePresent() ? "sent" : "none")),
                line("device-detail-enrolled", "Enrolled: " + device.createdAt()),
                line(
                        "device-detail-activation",
                        device.activatedAt() != null
                                ? "Activated: " + device.activatedAt()
                                : "Activation pending until " + device.activationExpiresAt() + " ("
                                        + device.activationAttempts() + " wrong secrets so far)"),
                line("device-detail-retired", "Retired: " + (device.retiredAt() == null ? "no" : device.retiredAt())),
                line("device-detail-clock", "Last quote: " + DevicesView.lastClock(device)),
                new Div("AK public area (TPM2B_PUBLIC, base64)"),
                pre(device.akPublicArea()),
                new Div("EK public area (TPM2B_PUBLIC, base64)"),
                pre(device.ekPublicArea()));
    }

    private static Div line(String id, String text) {
        Div div = new Div(text);
        div.setId(id);
        return div;
    }

    private static Pre pre(String text) {
        Pre pre = new Pre(text);
        pre.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
        return pre;
    }
}
