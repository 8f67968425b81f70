package io.lotabots.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A generated secret kept in an owner-only file of the data dir, so it survives a rebuild; never printed. */
final class LocalSecretFile {

    private LocalSecretFile() {}

    /** The secret in {@code file}, generated there first ({@code bytes} random bytes, base64url) if absent. */
    static String readOrCreate(Path file, int bytes) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[bytes];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data dir's own permissions apply
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
}
