package io.lotabots.devservices;

import java.io.IOException;
import java.nio.file.Path;
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
        return new LocalIdentity(keys, passwordFile, LocalSecretFile.readOrCreate(passwordFile, 18));
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
