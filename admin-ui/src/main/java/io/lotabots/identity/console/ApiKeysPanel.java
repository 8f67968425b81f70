package io.lotabots.identity.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.lotabots.identity.boundary.ApiKeyView;
import io.lotabots.identity.boundary.ApiKeys;
import io.lotabots.identity.boundary.IssuedApiKey;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.stream.Collectors;

/**
 * The tenant's API keys: list, issue (the secret is shown once, in a dialog; the rules are the
 * boundary's, shown on the fields), revoke after confirmation.
 */
class ApiKeysPanel extends VerticalLayout {

    private static final int SHOWN = 500;

    private final ApiKeys apiKeys;
    private final Grid<ApiKeyView> grid = new Grid<>();

    ApiKeysPanel(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
        setPadding(false);
        var name = new TextField("Key name");
        name.setId("new-key-name");
        var roles = RoleChoice.of("Roles", "new-key-roles");
        var errors = new FieldErrors(name).on("name", name).on("roles", roles);
        Button issue = new Button("Issue key", click -> {
            try {
                showSecret(
                        apiKeys.issue(ConsoleSession.caller(), name.getValue().trim(), roles.getValue(), null));
                errors.clear();
                name.clear();
                roles.clear();
                reload();
            } catch (Refusal refused) {
                errors.show(refused);
            }
        });
        issue.setId("issue-key-button");
        Button revoke = new Button(
                "Revoke selected",
                click -> grid.asSingleSelect().getOptionalValue().ifPresent(this::confirmRevoke));
        revoke.setId("revoke-key-button");
        grid.setId("keys-grid");
        grid.setHeight("16em");
        grid.addColumn(ApiKeyView::name).setHeader("Name");
        grid.addColumn(ApiKeyView::prefix).setHeader("Prefix");
        grid.addColumn(k -> k.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles");
        grid.addColumn(ApiKeyView::expiresAt).setHeader("Expires (UTC)");
        grid.addColumn(k -> k.revokedAt() == null ? "active" : "revoked " + k.revokedAt())
                .setHeader("State");
        var form = new HorizontalLayout(name, roles, issue, revoke);
        form.setAlignItems(Alignment.BASELINE);
        add(form, grid);
        reload();
    }

    private void confirmRevoke(ApiKeyView key) {
        Confirmation.ask(
                "revoke-key-dialog",
                "Revoke API key " + key.name() + "?",
                "Its tokens stop working at once, on every server. This cannot be undone.",
                "Revoke",
                () -> {
                    try {
                        apiKeys.revoke(ConsoleSession.caller(), key.id());
                        Notification.show("Revoked " + key.name());
                    } catch (Refusal refused) {
                        Notification.show(refused.detail());
                    }
                    reload();
                });
    }

    private void reload() {
        grid.setItems(apiKeys.page(ConsoleSession.caller(), null, SHOWN).items());
    }

    private static void showSecret(IssuedApiKey issued) {
        var dialog = new Dialog();
        dialog.setId("key-secret-dialog");
        dialog.setHeaderTitle("API key " + issued.key().name());
        var secret = new Pre(issued.secret());
        secret.setId("key-secret");
        dialog.add(new Div("Copy the secret now: it is never shown again."), secret);
        var done = new Button("Done", click -> dialog.close());
        done.setId("key-secret-done");
        dialog.getFooter().add(done);
        dialog.open();
    }
}
