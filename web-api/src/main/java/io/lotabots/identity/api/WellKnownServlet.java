package io.lotabots.identity.api;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.lotabots.attestation.keys.AttestationResultKeys;
import io.lotabots.identity.keys.SigningKeys;
import io.lotabots.identity.tokens.TokenSettings;
import io.lotabots.platform.json.Json;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Public by design: the signing keys (JWKS) that relying parties use to verify our tokens offline,
 * and issuer metadata in the OpenID Connect discovery shape. The JWKS also holds the key that signs
 * attestation results (EAR, ES256): one place for relying parties to look; MicroProfile JWT still
 * accepts only access tokens (configured algorithm, issuer and audience, which no EAR token has).
 * The endpoint URLs in the metadata start with the configured public URL ({@link PublicBaseUrl}),
 * never with what the request says its host is: the answer is cacheable, and must be the same for
 * every client.
 */
@WebServlet(urlPatterns = {WellKnownServlet.JWKS, WellKnownServlet.METADATA})
public class WellKnownServlet extends HttpServlet {

    static final String JWKS = "/.well-known/jwks.json";
    static final String METADATA = "/.well-known/openid-configuration";

    @Inject
    SigningKeys keys;

    @Inject
    TokenSettings settings;

    @Inject
    AttestationResultKeys attestationKeys;

    @Inject
    @ConfigProperty(name = "lotabots.http.public-url")
    Optional<String> publicUrl;

    private PublicBaseUrl base;

    @Override
    public void init() {
        base = PublicBaseUrl.of(publicUrl, settings.issuer());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        if (JWKS.equals(request.getServletPath())) {
            response.getWriter().write(publishedKeys().toString());
            return;
        }
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("issuer", settings.issuer())
                        .add("jwks_uri", base.resolve(JWKS))
                        .add("token_endpoint", base.resolve("/api/v1/auth/token"))
                        .add(
                                "token_endpoint_auth_methods_supported",
                                Json.createArrayBuilder()
                                        .add("client_secret_basic")
                                        .add("client_secret_post"))
                        .add("password_login_endpoint", base.resolve("/api/v1/auth/login"))
                        .add("refresh_endpoint", base.resolve("/api/v1/auth/refresh"))
                        .add("end_session_endpoint", base.resolve("/api/v1/auth/logout"))
                        .add(
                                "token_signing_alg_values_supported",
                                Json.createArrayBuilder()
                                        .add(keys.current().getAlgorithm().getName()))
                        .add(
                                "grant_types_supported",
                                Json.createArrayBuilder()
                                        .add("password")
                                        .add("refresh_token")
                                        .add("client_credentials"))
                        .build()
                        .toString());
    }

    private JWKSet publishedKeys() {
        List<JWK> all = new ArrayList<>(keys.publicKeys().getKeys());
        attestationKeys.publicKey().ifPresent(all::add);
        return new JWKSet(all);
    }
}
