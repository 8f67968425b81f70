package io.lotabots.attestation.console;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A result token's {@code iat} and {@code exp} (seconds since the epoch) as times a person reads. */
final class TokenTimes {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TokenTimes() {}

    /** "Issued (iat) …, expires (exp) …" from the decoded claims JSON; what is missing is said so. */
    static String of(String claimsJson) {
        JsonObject claims;
        try {
            claims = Json.createReader(new StringReader(claimsJson)).readObject();
        } catch (RuntimeException notAnObject) {
            return "Issued and expiry times unreadable.";
        }
        return "Issued (iat) " + time(claims, "iat") + ", expires (exp) " + time(claims, "exp") + ".";
    }

    private static String time(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonNumber seconds
                ? UTC.format(Instant.ofEpochSecond(seconds.longValue()))
                : "not stated";
    }
}
