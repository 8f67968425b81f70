package io.lotabots.platform.encryption.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.console.Confirmation;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.encryption.KeyManagement;
import io.lotabots.platform.encryption.KeyManagement.KekStatus;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/**
 * The tenant's key-encryption keys (encryption at rest): every version with its state, age and the data keys
 * it wraps, the re-wrap work left, when the current version falls due, and rotation on demand. Administrators
 * only, as {@code GET /api/v1/keys} and {@code POST /api/v1/keys/rotation}, through the same boundary.
 */
@Route(value = "keys", layout = MainLayout.class)
@PageTitle("Keys — LotaBots")
@Menu(title = "Keys", order = 8.5, icon = "vaadin:key")
@ConsoleRole(Role.ADMIN)
public class KeysView extends VerticalLayout {

    private final KeyManagement keys;
    private final Caller caller = ConsoleSession.caller();
    private final Div summary = new Div();
    private final Div progress = new Div();
    private final Div next = new Div();
    private final Div current = new Div();
    private final Grid<KekStatus> grid = new Grid<>();

    @Inject
    public KeysView(KeyManagement keys) {
        this.keys = keys;
        setId("keys-view");
        summary.setId("keys-summary");
        progress.setId("keys-rewrap");
        next.setId("keys-next-rotation");
        current.setId("keys-current");
        grid.setId("keys-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(KekStatus::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(KekStatus::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(KekStatus::provider).setHeader("Provider").setAutoWidth(true);
        grid.addColumn(KekStatus::createdAt).setHeader("Created (UTC)").setAutoWidth(true);
        grid.addColumn(k -> KeyAgeText.age(k.ageSeconds())).setHeader("Age").setAutoWidth(true);
        grid.addColumn(KekStatus::dataKeys).setHeader("Data keys").setAutoWidth(true);
        add(new H2("Encryption keys"), summary, current, next, progress);
        if (caller.isAdmin()) {
            var rotate = new Button("Rotate now", click -> confirmRotation());
            rotate.setId("keys-rotate");
            rotate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(rotate);
        }
        add(grid);
        refresh();
    }

    private void refresh() {
        List<KekStatus> versions = keys.status(caller.tenantId()).stream()
                .sorted(Comparator.comparingInt(KekStatus::version).reversed())
                .toList();
        int days = keys.rotationDays();
        current.setText(versions.stream()
                .filter(v -> v.state().equals("CURRENT"))
                .findFirst()
                .map(v -> "Current version " + v.version() + " (" + v.provider() + "), created at " + v.createdAt()
                        + ", " + KeyAgeText.age(v.ageSeconds()) + " old, wraps " + v.dataKeys() + " data keys.")
                .orElse("No current version: your tenant has stored nothing yet."));
        summary.setText("Each version of your tenant's key-encryption key wraps the data keys of the objects stored"
                + " under it; a version is rotated after " + days + " days.");
        next.setText(KeyAgeText.due(versions, days)
                .map(due -> "Next rotation: due at " + due + " (the hourly rotation timer's first run after that).")
                .orElse("Next rotation: none scheduled; a key is made with the tenant's first stored object."));
        long left = KeyAgeText.toRewrap(versions);
        progress.setText(
                left == 0
                        ? "Re-wrapping: done (no data key is under a retired version)."
                        : "Re-wrapping: " + left + " data keys still under a retired version.");
        grid.setItems(versions);
    }

    private void confirmRotation() {
        Confirmation.ask(
                "keys-rotate-dialog",
                "Rotate the key-encryption key now?",
                "A new version becomes current and every data key is re-wrapped under it; stored content is not"
                        + " rewritten. The old version is destroyed once no data key uses it.",
                "Rotate",
                () -> {
                    var rotation = keys.rotateNow(caller.tenantId(), caller.subject());
                    Notification.show("Rotated: version " + rotation.current().version() + " is current, "
                            + rotation.rewrapped() + " data keys re-wrapped.");
                    refresh();
                });
    }
}
