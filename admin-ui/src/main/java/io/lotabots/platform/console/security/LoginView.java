package io.lotabots.platform.console.security;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Console sign-in with the platform identity: tenant, username and password. */
@Route("login")
@PageTitle("Sign in — LotaBots")
public class LoginView extends VerticalLayout {

    private static final Logger LOG = Logger.getLogger(LoginView.class.getName());

    private final SecurityContext security;
    private final TextField tenant = new TextField("Tenant");
    private final TextField username = new TextField("Username");
    private final PasswordField password = new PasswordField("Password");
    private final Div error = new Div();

    @Inject
    public LoginView(SecurityContext security) {
        this.security = security;
        setId("login-view");
        setAlignItems(Alignment.CENTER);
        tenant.setId("login-tenant");
        tenant.setValue("default");
        username.setId("login-username");
        password.setId("login-password");
        error.setId("login-error");
        error.getElement().getThemeList().add("badge error");
        error.setVisible(false);
        Button signIn = new Button("Sign in", click -> signIn());
        signIn.setId("login-button");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        add(new H1("LotaBots console"), tenant, username, password, signIn, error);
    }

    private void signIn() {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        var response = VaadinServletResponse.getCurrent().getHttpServletResponse();
        var credential = new ConsoleCredential(
                tenant.getValue().trim(),
                username.getValue().trim(),
                password.getValue().toCharArray(),
                request.getRemoteAddr());
        password.clear();
        try {
            AuthenticationStatus status = security.authenticate(
                    request,
                    response,
                    AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
            var outcome = (SignInOutcome) request.getAttribute(ConsoleAuthentication.OUTCOME);
            if (status == AuthenticationStatus.SUCCESS && outcome != null && outcome.admitted()) {
                ConsoleSession.signedIn(outcome.identity());
                UI.getCurrent().navigate("");
            } else if (outcome != null && outcome.lacksConsoleRole()) {
                showError(
                        "Your account has no console role: only administrators, compliance officers and auditors may sign in here.");
            } else {
                showError("Unknown tenant, username or password, or the account is locked.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Console sign-in failed", e);
            showError("Sign-in is unavailable right now; the server log has the cause.");
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
