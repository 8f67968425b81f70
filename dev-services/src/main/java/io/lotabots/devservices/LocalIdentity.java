package io.lotabots.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * For the run command: token signing keys that survive a rebuild (in the data dir), and a first
 * administrator whose generated password is kept in an owner-only file, never printed.
 */
record LocalIdentity(Path keysFile, Path passwordFile, String password) {

    static final String PASSWORD_ENV = LibertyVariable.BOOTSTRAP_ADMIN_PASSWORD.environmentName();

    static LocalIdentity prepare(Path dataDir, Map<String, String> env) throws IOException {
        Path keys = dataDir.resolve("keys").resolve("signing-keys.jwe");
        if (env.containsKey(PASSWORD_ENV)) {
            return new LocalIdentity(keys, null, null);
        }
        Path passwordFile = dataDir.resolve("admin-password");
        if (!Files.exists(passwordFile)) {
            Files.createDirectories(dataDir);
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            Files.writeString(
                    passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            try {
                Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data dir's own permissions apply
            }
        }
        return new LocalIdentity(
                keys,
                passwordFile,
                Files.readString(passwordFile, StandardCharsets.US_ASCII).trim());
    }

    Map<LibertyVariable, String> variables() {
        Map<LibertyVariable, String> variables = new EnumMap<>(LibertyVariable.class);
        variables.put(LibertyVariable.KEYS_FILE, keysFile.toString());
        if (password != null) {
            variables.put(LibertyVariable.BOOTSTRAP_ADMIN_PASSWORD, password);
        }
        return variables;
    }

    String describe() {
        return password == null
                ? "[dev-services] Identity: signing keys in " + keysFile + "; first administrator from " + PASSWORD_ENV
                : "[dev-services] Identity: signing keys in " + keysFile
                        + "; first administrator 'admin' of tenant 'default', password in " + passwordFile;
    }
}
