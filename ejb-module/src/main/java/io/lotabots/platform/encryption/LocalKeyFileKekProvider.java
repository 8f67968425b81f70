package io.lotabots.platform.encryption;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import io.lotabots.platform.keys.KeyFile;
import io.lotabots.platform.keys.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default provider: each KEK is a 256-bit key in {@code data-encryption-keys.jwe}, a key file beside
 * the deployment's others and under the same password ({@link KeyFiles}), so a cluster shares it. Callers
 * serialise writes across servers ({@link Keks} holds a database lock while it creates or destroys).
 */
public final class LocalKeyFileKekProvider implements KekProvider {

    public static final String NAME = "local";
    static final String FILE = "data-encryption-keys.jwe";

    private final KeyFile file;
    private final SecureRandom random = new SecureRandom();
    private JWKSet cached;
    private long cachedModified = -1;

    public LocalKeyFileKekProvider(KeyFile file) {
        this.file = file;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized byte[] create(KekId id) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        List<JWK> keys = new ArrayList<>(keys().getKeys());
        keys.removeIf(k -> id.name().equals(k.getKeyID()));
        keys.add(new OctetSequenceKey.Builder(key).keyID(id.name()).build());
        write(new JWKSet(keys));
        return null;
    }

    @Override
    public synchronized SecretKey open(KekId id, byte[] material) {
        JWK jwk = keys().getKeyByKeyId(id.name());
        if (jwk == null) {
            throw new KekUnavailableException(id, "not in the key file (destroyed?)");
        }
        return new SecretKeySpec(jwk.toOctetSequenceKey().toByteArray(), "AES");
    }

    @Override
    public synchronized void destroy(KekId id) {
        List<JWK> keys = new ArrayList<>(keys().getKeys());
        if (keys.removeIf(k -> id.name().equals(k.getKeyID()))) {
            write(new JWKSet(keys));
        }
    }

    /** Read again only when the file changed (another server's write). */
    private JWKSet keys() {
        try {
            long modified = file.lastModified();
            if (cached == null || modified != cachedModified) {
                cached = file.read().orElseGet(() -> new JWKSet(List.of()));
                cachedModified = modified;
            }
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(JWKSet keys) {
        try {
            file.write(keys);
            cached = keys;
            cachedModified = file.lastModified();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
