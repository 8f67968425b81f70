package io.lotabots.identity.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The address clients reach this service at, for the URLs published in the discovery document:
 * {@code lotabots.http.public-url}, else the token issuer when it is an http(s) URL. Never taken
 * from a request's Host or X-Forwarded-* headers, which any client (or a cache poisoner) chooses.
 */
public record PublicBaseUrl(String value) {

    public PublicBaseUrl {
        value = checked(value);
    }

    /** The configured public URL if there is one, else the issuer. */
    public static PublicBaseUrl of(Optional<String> configured, String issuer) {
        return configured.filter(url -> !url.isBlank()).map(PublicBaseUrl::new).orElseGet(() -> {
            try {
                return new PublicBaseUrl(issuer);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "lotabots.http.public-url is not set and the issuer cannot stand in for it: " + e.getMessage(),
                        e);
            }
        });
    }

    /** This base followed by an absolute path ({@code /.well-known/jwks.json}). */
    public String resolve(String path) {
        return value + path;
    }

    private static String checked(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is no URL", e);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is no absolute http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + url + "' must have no query, fragment or user info");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
