package io.lotabots.identity.control;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An Argon2id hash as stored with a user, in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded standard Base64), so each hash
 * carries the parameters it was made with.
 */
public record StoredPasswordHash(Argon2Parameters parameters, byte[] salt, byte[] hash) {

    /** Argon2 version 1.3, the only one this service writes or reads. */
    public static final int VERSION = 19;

    static final int MIN_BYTES = 8;
    static final int MAX_BYTES = 64;

    // nine digits at most, so a number never overflows an int before its bounds are checked
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=(\\d{1,9})\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    public StoredPasswordHash {
        salt = checkedLength("salt", salt).clone();
        hash = checkedLength("hash", hash).clone();
    }

    /** Reads a PHC string, refusing other algorithms, other versions and absurd parameters. */
    public static StoredPasswordHash parse(String encoded) throws MalformedPasswordHashException {
        var match = PHC.matcher(encoded);
        if (!match.matches()) {
            throw new MalformedPasswordHashException("not an $argon2id$v=19$m=…,t=…,p=…$salt$hash string");
        }
        if (Integer.parseInt(match.group(1)) != VERSION) {
            throw new MalformedPasswordHashException("Argon2 version " + match.group(1) + " is not " + VERSION);
        }
        try {
            var parameters = new Argon2Parameters(
                    Integer.parseInt(match.group(2)),
                    Integer.parseInt(match.group(3)),
                    Integer.parseInt(match.group(4)));
            return new StoredPasswordHash(parameters, decode("salt", match.group(5)), decode("hash", match.group(6)));
        } catch (IllegalArgumentException outOfBounds) {
            throw new MalformedPasswordHashException(outOfBounds.getMessage());
        }
    }

    public String encoded() {
        var base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=" + VERSION + "$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    private static byte[] decode(String field, String base64) {
        // checked before decoding, so a huge field costs no allocation
        if (base64.length() > (MAX_BYTES * 4 + 2) / 3 || base64.length() % 4 == 1) {
            throw new IllegalArgumentException(field + " is not " + MIN_BYTES + ".." + MAX_BYTES + " bytes of Base64");
        }
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] checkedLength(String field, byte[] bytes) {
        if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    field + " has " + bytes.length + " bytes, expected " + MIN_BYTES + ".." + MAX_BYTES);
        }
        return bytes;
    }
}
