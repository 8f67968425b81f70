import io.lotabots.attestation.model.scan.ModelScan;
import io.lotabots.attestation.model.scan.ModelScanner;
import io.lotabots.model.control.DigestingStream;
import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import io.lotabots.model.control.ReceivedFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The verifier's digest and scan of large model files against {@code openssl dgst -sha256} on the same
 * files, per core used, interleaved round by round (bench/model-attestation.sh runs it). The digest is the
 * upload's ({@link DigestingStream}, the one read of the bytes that computes their SHA-256), the scan the
 * appraiser's ({@link ModelScanner} over the stored file, read through the tree as it reads S3). Cores used
 * are CPU seconds over wall seconds: this process's for the verifier, openssl's (bash's {@code time}) for
 * openssl. Heap used is sampled every 20 ms while the verifier runs. Prints one Markdown row per file.
 *
 * <p>java -Xmx512m -cp CLASSPATH bench/ModelScanThroughput.java ROUNDS FILE...
 */
public class ModelScanThroughput {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        var peakHeap = new AtomicLong();
        var sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        System.out.println("| file | size | openssl MB/s | openssl cores | openssl MB/s per core | verifier digest+scan MB/s"
                + " | verifier cores | verifier MB/s per core | verifier / openssl per core | goal ≥ 90 % | verdict"
                + " | peak heap used / max |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            long size = Files.size(file);
            // warm-up: the page cache for both, the JIT for the verifier
            openssl(file);
            String verdict = verify(file).verdict;
            peakHeap.set(0);
            List<double[]> openssl = new ArrayList<>();
            List<double[]> verifier = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                openssl.add(openssl(file));
                verifier.add(verify(file).timing);
            }
            double oWall = median(openssl, 0), oCpu = median(openssl, 1);
            double vWall = median(verifier, 0), vCpu = median(verifier, 1);
            double mb = size / 1e6;
            double oPerCore = mb / oCpu, vPerCore = mb / vCpu;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.0f MiB | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f | %.0f %% | %s | %s | %.0f / %.0f MB |%n",
                    file.getFileName(),
                    size / 1048576.0,
                    mb / oWall,
                    oCpu / oWall,
                    oPerCore,
                    mb / vWall,
                    vCpu / vWall,
                    vPerCore,
                    100 * vPerCore / oPerCore,
                    vPerCore >= 0.9 * oPerCore ? "met" : "missed",
                    verdict,
                    peakHeap.get() / 1e6,
                    maxHeap / 1e6);
        }
    }

    private record Verified(double[] timing, String verdict) {}

    /** The upload's digest and the appraiser's scan of one file → {wall s, CPU s} and the scan's verdict. */
    private static Verified verify(Path file) throws IOException {
        long wall = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        ReceivedFile received;
        try (var in = new DigestingStream(Files.newInputStream(file), bytes -> {})) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // digested as it passes, as an upload's bytes on their way to S3
            }
            received = in.received(file.getFileName().toString(), null);
        }
        ModelScan scan = new ModelScanner().scan(new OneFileTree(file, received));
        double[] timing = {(System.nanoTime() - wall) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9};
        return new Verified(timing, scan.risk().name().toLowerCase(Locale.ROOT));
    }

    /** openssl dgst -sha256 of the file → {wall s, CPU s (user + system)} as bash's time reports them. */
    private static double[] openssl(Path file) throws IOException, InterruptedException {
        var process = new ProcessBuilder(
                        "bash", "-c", "TIMEFORMAT='%R %U %S'; { time openssl dgst -sha256 \"$0\" >/dev/null; } 2>&1",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl: " + out);
        }
        String[] t = out.split("\\s+");
        return new double[] {Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2])};
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    /** A stored one-file model read from disk, as S3ModelTree reads an object (whole or by range). */
    private record OneFileTree(Path file, ReceivedFile received) implements ModelTree {

        @Override
        public List<ModelFile> files() {
            return List.of(new ModelFile(received.path(), received.size(), received.sha256(), false));
        }

        @Override
        public InputStream open(String path) throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public InputStream open(String path, long start, long endExclusive) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(start);
            return new io.lotabots.attestation.model.source.BoundedInputStream(
                    Channels.newInputStream(channel), endExclusive - start);
        }
    }
}
