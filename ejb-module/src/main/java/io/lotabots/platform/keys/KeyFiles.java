package io.lotabots.platform.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this deployment keeps its keys: the file {@code lotabots.keys.file} names (the access-token
 * signing keys) and, beside it under the same password, one file for each other key (audit
 * checkpoints, attestation results), so a cluster shares one directory and one secret.
 */
@ApplicationScoped
public class KeyFiles {

    private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());
    /** How {@link #present} names the primary key file: it holds the access-token signing keys. */
    public static final String PRIMARY = "access-token-keys";

    private static final String SUFFIX = ".jwe";

    @Inject
    @ConfigProperty(name = "lotabots.keys.file")
    Optional<String> configuredFile;

    @Inject
    @ConfigProperty(name = "lotabots.keys.password")
    Optional<String> configuredPassword;

    private Path path;
    private char[] password;

    KeyFiles() {
        // the container's; it configures the bean in open()
    }

    /** The key files beside {@code primary}, under {@code password}: for code outside the container. */
    public static KeyFiles at(Path primary, char[] password) {
        var files = new KeyFiles();
        files.path = primary;
        files.password = password.clone();
        return files;
    }

    @PostConstruct
    void open() {
        path = configuredFile
                .filter(f -> !f.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("server.output.dir", "."), "keys", "signing-keys.jwe"));
        password = password(path);
    }

    /** The configured key file, {@code lotabots.keys.file}. */
    public KeyFile primary() {
        return new KeyFile(path, password);
    }

    /** Another key file beside the primary one and under the same password. */
    public KeyFile companion(String fileName) {
        return new KeyFile(path.resolveSibling(fileName), password);
    }

    /**
     * Every key file present: the primary one under {@code primary} (its name without {@code .jwe} for
     * the others), and each other {@code *.jwe} beside it under its own name.
     */
    public Map<String, KeyFile> present() throws IOException {
        var files = new TreeMap<String, KeyFile>();
        files.put(PRIMARY, primary());
        Path directory = path.toAbsolutePath().getParent();
        if (Files.isDirectory(directory)) {
            try (var siblings = Files.list(directory)) {
                siblings.filter(p -> !p.getFileName().equals(path.getFileName()))
                        .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                        .forEach(p -> files.put(stem(p), new KeyFile(p, password)));
            }
        }
        return files;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    /** The configured password, or one generated once and kept beside the key file (owner-only). */
    private char[] password(Path keyFile) {
        if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
            return configuredPassword.get().toCharArray();
        }
        Path passwordFile = keyFile.resolveSibling(keyFile.getFileName() + ".password");
        try {
            if (!Files.exists(passwordFile)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(passwordFile.toAbsolutePath().getParent());
                Files.writeString(
                        passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                KeyFile.ownerOnly(passwordFile);
                LOG.warning(() -> "lotabots.keys.password is not set: generated one in " + passwordFile
                        + "; set LOTABOTS_KEYS_PASSWORD from a secret in production");
            }
            return Files.readString(passwordFile, StandardCharsets.US_ASCII)
                    .trim()
                    .toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
