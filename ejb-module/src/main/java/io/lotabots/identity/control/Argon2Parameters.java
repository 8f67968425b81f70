package io.lotabots.identity.control;

/**
 * The cost of one Argon2id computation. Values outside the bounds below are refused, because a
 * stored hash carries its own parameters and a tampered row must not make a login burn unbounded
 * memory or CPU.
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {

    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 20;
    public static final int MAX_PARALLELISM = 16;

    public Argon2Parameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations " + iterations + " is outside 1.." + MAX_ITERATIONS);
        }
        // Argon2 needs at least 8 KiB per lane (RFC 9106, section 3.1)
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "memory " + memoryKiB + " KiB is outside " + 8 * parallelism + ".." + MAX_MEMORY_KIB + " KiB");
        }
    }

    /** OWASP's recommended minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static Argon2Parameters owaspDefault() {
        return new Argon2Parameters(19456, 2, 1);
    }

    /** True when any of these parameters is lower than the same parameter of {@code other}. */
    public boolean weakerThan(Argon2Parameters other) {
        return memoryKiB < other.memoryKiB || iterations < other.iterations || parallelism < other.parallelism;
    }
}
