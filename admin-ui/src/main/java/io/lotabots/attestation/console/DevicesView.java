package io.lotabots.attestation.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.attestation.hardware.boundary.DeviceView;
import io.lotabots.attestation.hardware.boundary.Devices;
import io.lotabots.attestation.hardware.entity.DeviceStatus;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.CursorPages;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import jakarta.inject.Inject;

/** The tenant's enrolled TPM devices in enrollment order; administrators retire them. */
@Route(value = "devices", layout = MainLayout.class)
@PageTitle("Devices — LotaBots")
@Menu(title = "Devices", order = 5, icon = "vaadin:server")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class DevicesView extends VerticalLayout {

    private static final int PAGE_SIZE = 50;

    private final Devices devices;
    private final Grid<DeviceView> grid = new Grid<>();
    private final DeviceDetail detail = new DeviceDetail();
    private final Button retire = new Button("Retire device");

    @Inject
    public DevicesView(Devices devices) {
        this.devices = devices;
        setId("devices-view");
        configureGrid();
        add(new H2("Devices"), grid);
        if (ConsoleSession.caller().isAdmin()) {
            retire.setId("device-retire");
            retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
            retire.setEnabled(false);
            retire.addClickListener(click -> confirmRetire(grid.asSingleSelect().getValue()));
            add(retire);
        }
        add(detail);
        refresh();
    }

    static String lastClock(DeviceView device) {
        var clock = device.lastClock();
        return clock == null
                ? "none yet"
                : "clock " + clock.clock() + " ms, reset " + clock.resetCount() + ", restart " + clock.restartCount();
    }

    private void configureGrid() {
        grid.setId("devices-grid");
        grid.setHeight("22em");
        grid.addColumn(d -> d.name() == null ? "" : d.name()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(DeviceView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(DeviceView::akName).setHeader("AK name").setWidth("16em");
        grid.addColumn(DevicesView::lastClock)
                .setHeader("Last clock / reset seen")
                .setAutoWidth(true);
        grid.addColumn(DeviceView::createdAt).setHeader("Enrolled (UTC)").setAutoWidth(true);
        grid.addColumn(d -> d.id().toString()).setHeader("Id").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(change -> {
            detail.show(change.getValue());
            retire.setEnabled(change.getValue() != null && change.getValue().status() != DeviceStatus.RETIRED);
        });
    }

    private void refresh() {
        var caller = ConsoleSession.caller();
        var pages = new CursorPages<DeviceView, String>(cursor -> {
            var page = devices.page(caller, cursor, PAGE_SIZE);
            return new CursorPages.Page<>(page.items(), page.nextCursor());
        });
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
    }

    private void confirmRetire(DeviceView device) {
        if (device == null) {
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setId("device-retire-dialog");
        confirm.setHeaderTitle("Retire " + (device.name() == null ? device.id() : device.name()) + "?");
        confirm.add(new Span("Its quotes will no longer count as an enrolled device's. This cannot be undone."));
        Button yes = new Button("Retire", click -> {
            confirm.close();
            retireNow(device);
        });
        yes.setId("device-retire-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button("Cancel", click -> confirm.close()), yes);
        confirm.open();
    }

    private void retireNow(DeviceView device) {
        var caller = ConsoleSession.caller();
        if (!caller.isAdmin()) {
            Notification.show("Only administrators retire devices.");
            return;
        }
        try {
            var retired = devices.retire(caller, device.id());
            Notification.show("Retired " + retired.id());
            refresh();
            detail.show(retired);
            retire.setEnabled(false);
        } catch (Refusal refused) {
            Notification.show(refused.detail());
        }
    }
}
