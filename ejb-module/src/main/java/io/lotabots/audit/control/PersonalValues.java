package io.lotabots.audit.control;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The personal values of a format-2 audit event and the keyed digest the hashed event holds in their place:
 * HMAC-SHA256 under a random secret of the party's own, over the {@link CanonicalJson} form of the values. The
 * secret is what makes the digest safe to keep after erasure: an IP address or a username has too few
 * possibilities to survive a plain hash, but without the secret the digest says nothing about them.
 */
public final class PersonalValues {

    /** Who a part belongs to: the event's actor or its target. */
    public enum Party {
        ACTOR,
        TARGET
    }

    /** Detail members that name the target person; they go to the target's part (the actor's when there is none). */
    public static final Set<String> TARGET_DETAILS = Set.of("username", "email");

    /** Every detail member kept apart: the target's, and free text the actor wrote (a document's title). */
    public static final Set<String> PERSONAL_DETAILS = Set.of("username", "email", "title");

    public static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalValues() {}

    /** An event's values divided into what is hashed as it is and what is kept apart, per party. */
    public record Split(Optional<JsonObject> actor, Optional<JsonObject> target, JsonObject details) {}

    /**
     * Divides the values: the actor's name, address and agent and the text they wrote go to the actor's part;
     * details naming the target to the target's part when the event has a target, else to the actor's. Absent values are left out, and a part
     * with no values is empty, so an event without personal data keeps no secret.
     */
    public static Split split(
            String actorName, String sourceIp, String userAgent, JsonObject details, boolean hasTarget) {
        JsonObjectBuilder actor = Json.createObjectBuilder();
        JsonObjectBuilder target = Json.createObjectBuilder();
        JsonObjectBuilder kept = Json.createObjectBuilder();
        addIfSet(actor, "actorName", actorName);
        addIfSet(actor, "sourceIp", sourceIp);
        addIfSet(actor, "userAgent", userAgent);
        JsonObject all = details == null ? JsonValue.EMPTY_JSON_OBJECT : details;
        all.forEach((name, value) -> {
            if (!PERSONAL_DETAILS.contains(name)) {
                kept.add(name, value);
            } else if (hasTarget && TARGET_DETAILS.contains(name)) {
                target.add(name, value);
            } else {
                actor.add(name, value);
            }
        });
        return new Split(nonEmpty(actor.build()), nonEmpty(target.build()), kept.build());
    }

    public static byte[] newSecret() {
        var secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public static byte[] digest(byte[] secret, JsonObject values) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(CanonicalJson.toBytes(values));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /**
     * Why a party's stored values do not answer for the digest the hashed event holds, or empty when they do:
     * values still held must match it, erased ones (secret dropped by the erasure) are accepted as erased, and a
     * part that is missing, or present where the event has no digest, is tampering.
     */
    public static Optional<String> problem(Party party, byte[] digest, Optional<Stored> stored) {
        String name = party.name().toLowerCase(java.util.Locale.ROOT);
        if (digest == null) {
            return stored.map(s -> "the " + name + "'s personal values were added after the event was written");
        }
        if (stored.isEmpty()) {
            return Optional.of("the " + name + "'s personal values are missing and were not erased by an erasure");
        }
        if (stored.get().erased()) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(digest(stored.get().secret(), stored.get().values()), digest)) {
            return Optional.of("the " + name + "'s personal values differ from those the event was written with");
        }
        return Optional.empty();
    }

    /** A party's values as stored: the secret is null once erased. */
    public record Stored(JsonObject values, byte[] secret) {

        public boolean erased() {
            return secret == null;
        }
    }

    private static void addIfSet(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static Optional<JsonObject> nonEmpty(JsonObject values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }
}
