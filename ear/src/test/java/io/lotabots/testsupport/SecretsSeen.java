package io.lotabots.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret and piece of personal data the tests hand the server or get from it: passwords,
 * access and refresh tokens, API-key secrets, one-time passwords, e-mail addresses. They go to a file
 * ({@code it.secrets.file}, one {@code kind<TAB>value} a line) that {@link LogSecrecyCheck} searches
 * the server's logs for once the tests are done. Values shorter than 10 characters are left out: a
 * deliberately weak password such as "iloveyou" could match log text by chance.
 */
public final class SecretsSeen {

    static final Path FILE = Path.of(System.getProperty("it.secrets.file", "target/it-secrets.txt"));
    private static final int SHORTEST = 10;
    private static final Set<String> FIELDS = Set.of(
            "password",
            "newPassword",
            "currentPassword",
            "oneTimePassword",
            "access_token",
            "refresh_token",
            "secret",
            "client_secret",
            "email");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private SecretsSeen() {}

    public static void password(String password) {
        record("password", password);
    }

    public static void email(String address) {
        record("email", address);
    }

    /** The secret fields of a JSON document (a request body or an answer), at any depth. */
    public static void inJson(String body) {
        if (body == null
                || !body.stripLeading().startsWith("{")
                || FIELDS.stream().noneMatch(body::contains)) {
            return;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            inJson(reader.readObject());
        } catch (RuntimeException notJson) {
            // not every body that starts with a brace is JSON
        }
    }

    /** The secret fields of a form body ({@code client_secret=…}). */
    public static void inForm(String body) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && FIELDS.contains(pair.substring(0, equals))) {
                record(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
    }

    /** A bearer token, or the secret of Basic credentials. */
    public static void inAuthorization(String header) {
        if (header == null) {
            return;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            record("access_token", header.substring(7).strip());
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                record("basic-secret", pair.substring(pair.indexOf(':') + 1));
            } catch (IllegalArgumentException malformedOnPurpose) {
                // tests send broken credentials too
            }
        }
    }

    private static void inJson(JsonObject object) {
        object.forEach((name, value) -> {
            if (value instanceof JsonString text && FIELDS.contains(name)) {
                record(name, text.getString());
            } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                inJson(value.asJsonObject());
            } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                value.asJsonArray().stream()
                        .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                        .forEach(v -> inJson(v.asJsonObject()));
            }
        });
    }

    static void record(String kind, String value) {
        if (value == null || value.length() < SHORTEST || !SEEN.add(value)) {
            return;
        }
        synchronized (SecretsSeen.class) {
            try {
                Files.createDirectories(FILE.toAbsolutePath().getParent());
                Files.writeString(
                        FILE,
                        kind + "\t" + value.replace("\n", " ") + "\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
