package io.lotabots.audit.api;

import com.nimbusds.jose.jwk.JWKSet;
import io.lotabots.audit.keys.CheckpointKeys;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Public by design: the key that verifies audit checkpoints, so auditors can check the copies in S3
 * offline. A JWK set of its own rather than an entry in the access-token JWKS: a key serves one
 * purpose, and the token verifier should never be offered a key it must not trust.
 */
@WebServlet(urlPatterns = CheckpointKeyServlet.PATH)
public class CheckpointKeyServlet extends HttpServlet {

    static final String PATH = "/.well-known/audit-checkpoint-keys.json";

    @Inject
    CheckpointKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        var set = keys.publicKey().map(JWKSet::new).orElseGet(JWKSet::new);
        response.getWriter().write(set.toString());
    }
}
