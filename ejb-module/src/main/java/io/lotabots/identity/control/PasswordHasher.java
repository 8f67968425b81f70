package io.lotabots.identity.control;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * Hashes and verifies passwords with Argon2id. New hashes use the target parameters; stored hashes
 * are verified with the parameters they carry, so raising the target never locks anyone out.
 *
 * <p>At most {@code maxConcurrent} hashes run at once (by default one per processor); further callers
 * wait their turn in arrival order. More at once would not finish sooner, since each hash keeps a core
 * busy, but they would hold their memory (m KiB each) at the same time and evict each other from the
 * processor caches: a burst of logins would cost more time in total and could exhaust the heap.
 */
public final class PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Argon2Parameters target;
    private final Semaphore turns;
    private final byte[] decoySalt = randomSalt();

    /** At most one hash per available processor at once. */
    public PasswordHasher(Argon2Parameters target) {
        this(target, Runtime.getRuntime().availableProcessors());
    }

    public PasswordHasher(Argon2Parameters target, int maxConcurrent) {
        this(target, turns(maxConcurrent));
    }

    PasswordHasher(Argon2Parameters target, Semaphore turns) {
        this.target = Objects.requireNonNull(target, "target");
        this.turns = Objects.requireNonNull(turns, "turns");
    }

    private static Semaphore turns(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one hash must be allowed at once, not " + maxConcurrent);
        }
        return new Semaphore(maxConcurrent, true);
    }

    public String hash(char[] password) {
        var salt = randomSalt();
        var hash = derive(password, target, salt, HASH_BYTES);
        try {
            return new StoredPasswordHash(target, salt, hash).encoded();
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
    }

    /** False for a wrong password and for a stored hash that is malformed or not Argon2id v=19. */
    public boolean verify(char[] password, String encoded) {
        StoredPasswordHash stored;
        try {
            stored = StoredPasswordHash.parse(encoded);
        } catch (MalformedPasswordHashException e) {
            return false;
        }
        var expected = stored.hash();
        var actual = derive(password, stored.parameters(), stored.salt(), expected.length);
        try {
            return MessageDigest.isEqual(expected, actual);
        } finally {
            Arrays.fill(expected, (byte) 0);
            Arrays.fill(actual, (byte) 0);
        }
    }

    /** True when the stored hash should be replaced by a fresh one after a successful login. */
    public boolean needsRehash(String encoded) {
        try {
            return StoredPasswordHash.parse(encoded).parameters().weakerThan(target);
        } catch (MalformedPasswordHashException e) {
            return true;
        }
    }

    /**
     * Costs what one {@link #verify} against a target-strength hash costs, so a login for an unknown
     * user takes as long as one for a known user and does not reveal which usernames exist.
     */
    public void burnEquivalentWork(char[] password) {
        Arrays.fill(derive(password, target, decoySalt, HASH_BYTES), (byte) 0);
    }

    private byte[] derive(char[] password, Argon2Parameters parameters, byte[] salt, int length) {
        turns.acquireUninterruptibly();
        try {
            return argon2id(password, parameters, salt, length);
        } finally {
            turns.release();
        }
    }

    private static byte[] argon2id(char[] password, Argon2Parameters parameters, byte[] salt, int length) {
        var generator = new Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                        org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        var out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] randomSalt() {
        var salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }
}
