package io.lotabots.testkit.tpm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A software TPM 2.0 (swtpm) manufactured like a real one — RSA EK certificate from a CA of its own —
 * and driven with tpm2-tools, exactly as a bot operator would make evidence. One instance per test
 * class; {@link #close()} stops the simulator and deletes its state.
 *
 * <pre>{@code
 * try (var tpm = SoftwareTpm.start()) {
 *     var ak = tpm.createAttestationKey(AkKind.ECC_P256);
 *     var quote = tpm.quote(ak, nonce, "sha256:0,1,2,3,4,5,6,7");
 * }
 * }</pre>
 */
public final class SoftwareTpm implements AutoCloseable {

    /** NV indices where swtpm_setup stores EK certificates (TCG EK credential profile). */
    private static final String RSA_EK_CERT_INDEX = "0x1c00002";

    private static final int FIRST_AK_HANDLE = 0x81010100;

    private final Path dir;
    private final LocalCa ca;
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<EkKind, Endorsement> endorsements = new EnumMap<>(EkKind.class);
    private Process swtpm;
    private Tpm2Tools tools;
    private int nextAkHandle = FIRST_AK_HANDLE;

    private SoftwareTpm(Path dir, LocalCa ca) {
        this.dir = dir;
        this.ca = ca;
    }

    /** Manufactures a new TPM (EK certificates, sha1 and sha256 PCR banks) and powers it on. */
    public static SoftwareTpm start() {
        try {
            Path dir = Files.createTempDirectory("swtpm-");
            var ca = LocalCa.in(dir.resolve("ca"));
            Files.createDirectories(dir.resolve("state"));
            Tpm2Tools.Processes.run(
                    List.of(
                            "swtpm_setup",
                            "--tpm2",
                            "--tpmstate",
                            dir.resolve("state").toString(),
                            "--create-ek-cert",
                            "--config",
                            ca.setupConfig().toString(),
                            "--overwrite"),
                    dir,
                    null);
            var tpm = new SoftwareTpm(dir, ca);
            tpm.powerOn();
            return tpm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Power-cycles the TPM: a TPM Reset, so {@code resetCount} goes up and the clock may be behind a
     * quote taken before. Persistent objects (the AKs) survive; PCRs return to their initial values.
     */
    public void reboot() {
        stopSimulator();
        endorsements.clear();
        powerOn();
    }

    /** The endorsement key of that kind (TCG default template), created on first use. */
    public synchronized Endorsement endorsementKey(EkKind kind) {
        return endorsements.computeIfAbsent(kind, this::createEndorsementKey);
    }

    /** A new AK under the RSA EK (the usual case), made persistent so it survives {@link #reboot()}. */
    public AttestationKey createAttestationKey(AkKind kind) {
        return createAttestationKey(kind, EkKind.RSA_2048);
    }

    /** A new AK under the given EK, made persistent so it survives {@link #reboot()}. */
    public synchronized AttestationKey createAttestationKey(AkKind kind, EkKind ekKind) {
        var ek = endorsementKey(ekKind);
        String base = "ak-" + counter.incrementAndGet();
        tools.run(
                "createak",
                "-C",
                ek.context().toString(),
                "-c",
                base + ".ctx",
                "-G",
                kind.algorithm,
                "-g",
                "sha256",
                "-s",
                kind.signingScheme,
                "-u",
                base + ".created.pub",
                "-n",
                base + ".name");
        String handle = String.format("0x%08x", nextAkHandle++);
        tools.run("evictcontrol", "-C", "o", "-c", base + ".ctx", handle);
        tools.run("readpublic", "-c", handle, "-o", base + ".pub", "-f", "tss");
        tools.run("readpublic", "-c", handle, "-o", base + ".pem", "-f", "pem");
        return new AttestationKey(
                kind, ekKind, Path.of(handle), read(base + ".pub"), readText(base + ".pem"), read(base + ".name"));
    }

    /** {@code tpm2_pcrextend index:bank=digest}. */
    public synchronized void extendPcr(String bank, int index, byte[] digest) {
        tools.run("pcrextend", index + ":" + bank + "=" + HexFormat.of().formatHex(digest));
    }

    /** {@code tpm2_quote} with the tpm2-tools default PCR file format ({@code serialized}). */
    public Quote quote(AttestationKey ak, byte[] nonce, String pcrSelection) {
        return quote(ak, nonce, pcrSelection, "serialized");
    }

    /** {@code tpm2_quote -F serialized|values}, signed with SHA-256 in the AK's own scheme. */
    public synchronized Quote quote(AttestationKey ak, byte[] nonce, String pcrSelection, String pcrsFormat) {
        String base = "quote-" + counter.incrementAndGet();
        var args = new ArrayList<>(List.of(
                "-c",
                ak.context().toString(),
                "-l",
                pcrSelection,
                "-q",
                HexFormat.of().formatHex(nonce),
                "-m",
                base + ".msg",
                "-s",
                base + ".sig",
                "-o",
                base + ".pcrs",
                "-F",
                pcrsFormat,
                "-g",
                "sha256"));
        if (ak.kind().quoteScheme != null) {
            args.addAll(List.of("--scheme", ak.kind().quoteScheme));
        }
        tools.run("quote", args.toArray(String[]::new));
        return new Quote(read(base + ".msg"), read(base + ".sig"), read(base + ".pcrs"), pcrSelection, pcrsFormat);
    }

    /** The current PCR values of one bank, index → digest ({@code tpm2_pcrread -o}). */
    public synchronized Map<Integer, byte[]> readPcrs(String bank, int... indices) {
        var selection = new StringBuilder(bank).append(':');
        for (int i = 0; i < indices.length; i++) {
            selection.append(i == 0 ? "" : ",").append(indices[i]);
        }
        String file = "pcrread-" + counter.incrementAndGet() + ".bin";
        tools.run("pcrread", selection.toString(), "-o", file);
        byte[] values = read(file);
        int size = values.length / indices.length;
        var result = new java.util.LinkedHashMap<Integer, byte[]>();
        for (int i = 0; i < indices.length; i++) {
            result.put(indices[i], java.util.Arrays.copyOfRange(values, i * size, (i + 1) * size));
        }
        return result;
    }

    /**
     * {@code tpm2_activatecredential}: the AK's EK decrypts a credential made for the AK's name (the
     * file as {@code tpm2_makecredential -o} writes it) and returns the secret, or throws if the TPM
     * refuses (wrong name, wrong EK, tampered blob).
     */
    public synchronized byte[] activateCredential(AttestationKey ak, byte[] credentialFile) {
        var ek = endorsementKey(ak.endorsement());
        String base = "activate-" + counter.incrementAndGet();
        write(base + ".cred", credentialFile);
        String session = base + ".session";
        tools.run("startauthsession", "--policy-session", "-S", session);
        try {
            tools.run("policysecret", "-S", session, "-c", "e");
            tools.run(
                    "activatecredential",
                    "-c",
                    ak.context().toString(),
                    "-C",
                    ek.context().toString(),
                    "-i",
                    base + ".cred",
                    "-o",
                    base + ".secret",
                    "-P",
                    "session:" + session);
        } finally {
            tools.run("flushcontext", session);
        }
        return read(base + ".secret");
    }

    /** {@code tpm2_makecredential -T none}: the reference output, made without a TPM, for comparison. */
    public synchronized byte[] makeCredentialWithTools(Endorsement ek, byte[] akName, byte[] secret) {
        String base = "make-" + counter.incrementAndGet();
        write(base + ".ek.pub", ek.publicArea());
        write(base + ".secret", secret);
        Tpm2Tools.Processes.run(
                List.of(
                        "tpm2_makecredential",
                        "-T",
                        "none",
                        "-e",
                        base + ".ek.pub",
                        "-s",
                        base + ".secret",
                        "-n",
                        HexFormat.of().formatHex(akName),
                        "-o",
                        base + ".cred"),
                dir,
                null);
        return read(base + ".cred");
    }

    /** The CA certificates (PEM) of this TPM's manufacturer: the root first, then the issuing CA. */
    public List<String> endorsementCaCertificates() {
        return ca.files().stream().map(path -> readText(path.toString())).toList();
    }

    /** Runs any tpm2-tools command in this TPM's working directory; for what the kit does not cover. */
    public synchronized String tpm2(String tool, String... args) {
        return tools.run(tool, args);
    }

    /** This TPM's working directory: files written by {@link #tpm2} land here. */
    public Path workDir() {
        return dir;
    }

    @Override
    public synchronized void close() {
        stopSimulator();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private Endorsement createEndorsementKey(EkKind kind) {
        String base = "ek-" + kind.name().toLowerCase();
        tools.run("createek", "-c", base + ".ctx", "-G", kind.algorithm, "-u", base + ".pub", "-f", "tss");
        tools.run("readpublic", "-c", base + ".ctx", "-o", base + ".pem", "-f", "pem");
        byte[] certificate = null;
        if (kind == EkKind.RSA_2048) {
            tools.run("nvread", RSA_EK_CERT_INDEX, "-C", "o", "-o", base + ".crt");
            certificate = read(base + ".crt");
        }
        return new Endorsement(
                kind, dir.resolve(base + ".ctx"), read(base + ".pub"), readText(base + ".pem"), certificate);
    }

    private void powerOn() {
        int port = freePortPair();
        try {
            swtpm = new ProcessBuilder(
                            "swtpm",
                            "socket",
                            "--tpm2",
                            "--tpmstate",
                            "dir=" + dir.resolve("state"),
                            "--server",
                            "type=tcp,bindaddr=127.0.0.1,port=" + port,
                            "--ctrl",
                            "type=tcp,bindaddr=127.0.0.1,port=" + (port + 1),
                            "--flags",
                            "not-need-init,startup-clear")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("swtpm.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new TpmCommandException("cannot start swtpm (is the swtpm package installed?)", e);
        }
        awaitListening(port);
        tools = new Tpm2Tools(dir, port);
    }

    private void stopSimulator() {
        if (swtpm != null && swtpm.isAlive()) {
            swtpm.destroy();
            try {
                if (!swtpm.waitFor(5, TimeUnit.SECONDS)) {
                    swtpm.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!swtpm.isAlive()) {
                throw new TpmCommandException(
                        "swtpm exited: " + readText(dir.resolve("swtpm.log").toString()));
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleep();
            }
        }
        throw new TpmCommandException("swtpm is not listening on port " + port);
    }

    /** Two consecutive free ports: the TPM command port and its control port. */
    private static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (var first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                try (var second = new ServerSocket(port + 1)) {
                    return port;
                } catch (IOException taken) {
                    // try another pair
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new TpmCommandException("no two consecutive free ports");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] read(String file) {
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readText(String file) {
        return new String(read(file), StandardCharsets.US_ASCII);
    }

    private void write(String file, byte[] content) {
        try {
            Files.write(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
