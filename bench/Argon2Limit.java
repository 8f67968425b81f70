import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The pure-hash limit of this machine: Argon2id hashes per second with Bouncy Castle (the library and the call
 * the server's PasswordHasher uses), on a given number of threads, after a warm-up. No server, no I/O.
 *
 * <pre>java -cp bcprov-jdk18on.jar bench/Argon2Limit.java MEMORY_KIB ITERATIONS PARALLELISM THREADS SECONDS</pre>
 *
 * Prints one line: "hashes_per_second ms_per_hash_per_thread".
 */
public final class Argon2Limit {

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Argon2Limit MEMORY_KIB ITERATIONS PARALLELISM THREADS SECONDS");
            System.exit(2);
        }
        int memoryKiB = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        int parallelism = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);

        // warm-up: let the JIT compile the compression function
        runFor(memoryKiB, iterations, parallelism, threads, Math.max(3, seconds / 3) * 1000);
        long hashes = runFor(memoryKiB, iterations, parallelism, threads, seconds * 1000);
        double perSecond = (double) hashes / seconds; // hashes completed within the window
        System.out.printf("%.1f %.1f%n", perSecond, 1000.0 * threads / perSecond);
    }

    private static long runFor(int memoryKiB, int iterations, int parallelism, int threads, long millis)
            throws InterruptedException {
        var stop = new AtomicBoolean();
        var count = new AtomicLong();
        var done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            var worker = new Thread(() -> {
                var random = new SecureRandom();
                var password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
                var out = new byte[32];
                while (!stop.get()) {
                    var salt = new byte[16];
                    random.nextBytes(salt);
                    var generator = new Argon2BytesGenerator();
                    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                            .withMemoryAsKB(memoryKiB)
                            .withIterations(iterations)
                            .withParallelism(parallelism)
                            .withSalt(salt)
                            .build());
                    generator.generateBytes(password, out);
                    if (!stop.get()) {
                        count.incrementAndGet();
                    }
                }
                done.countDown();
            });
            worker.setDaemon(true);
            worker.start();
        }
        Thread.sleep(millis);
        stop.set(true);
        done.await();
        return count.get();
    }
}
