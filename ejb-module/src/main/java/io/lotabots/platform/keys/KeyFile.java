package io.lotabots.platform.keys;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.PasswordBasedDecrypter;
import com.nimbusds.jose.crypto.PasswordBasedEncrypter;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Optional;

/**
 * One key store: a private JWK set, encrypted with a password (JWE, PBES2-HS512+A256KW, A256GCM)
 * and written atomically with owner-only permissions. Servers of a cluster share the file. The
 * deployment's key files lie side by side under one password, see {@link KeyFiles}.
 */
public final class KeyFile {

    private static final int PBES2_ITERATIONS = 310_000;

    private final Path path;
    private final char[] password;

    public KeyFile(Path path, char[] password) {
        this.path = path;
        this.password = password.clone();
    }

    public Optional<JWKSet> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            var jwe = JWEObject.parse(Files.readString(path, StandardCharsets.US_ASCII));
            jwe.decrypt(new PasswordBasedDecrypter(new String(password)));
            return Optional.of(JWKSet.parse(jwe.getPayload().toString()));
        } catch (ParseException | JOSEException e) {
            throw new IOException("Cannot open key file " + path + " (wrong password or damaged file)", e);
        }
    }

    public void write(JWKSet keys) throws IOException {
        try {
            var jwe = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.PBES2_HS512_A256KW, EncryptionMethod.A256GCM)
                            .contentType("jwk-set+json")
                            .build(),
                    new Payload(keys.toString(false)));
            jwe.encrypt(new PasswordBasedEncrypter(new String(password), 16, PBES2_ITERATIONS));
            Files.createDirectories(path.toAbsolutePath().getParent());
            var temp = Files.createTempFile(path.toAbsolutePath().getParent(), "keys", ".tmp");
            ownerOnly(temp);
            Files.writeString(temp, jwe.serialize(), StandardCharsets.US_ASCII);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (JOSEException e) {
            throw new IOException("Cannot encrypt the keys for " + path, e);
        }
    }

    /** When the file last changed (0 while it does not exist), so readers can tell another server's write. */
    public long lastModified() throws IOException {
        return Files.exists(path) ? Files.getLastModifiedTime(path).toMillis() : 0;
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }
}
