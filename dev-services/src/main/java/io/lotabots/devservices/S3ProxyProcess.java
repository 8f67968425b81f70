package io.lotabots.devservices;

import java.io.IOException;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** s3proxy run as a child {@code java -jar} process, so none of its threads live in Maven's JVM. */
final class S3ProxyProcess {

    private static final String MAIN_CLASS = "org.gaul.s3proxy.Main";

    private final Process process;
    private final Path pidFile;
    private final Path log;
    private final int port;

    private S3ProxyProcess(Process process, Path pidFile, Path log, int port) {
        this.process = process;
        this.pidFile = pidFile;
        this.log = log;
        this.port = port;
    }

    /** Starts s3proxy on {@code preferredPort} if free, storing buckets as directories under {@code bucketsDir}. */
    static S3ProxyProcess start(Path dataDir, Path bucketsDir, int preferredPort, String identity, String credential)
            throws IOException {
        Path properties = dataDir.resolve("s3proxy.properties");
        Path pidFile = dataDir.resolve("s3proxy.pid");
        LeftoverProcess.stopIfRunning("s3proxy", pidFile, properties.toString());
        int port = LocalPorts.preferredOrFree(preferredPort);
        Properties settings = new Properties();
        settings.setProperty("s3proxy.endpoint", "http://" + LocalPorts.LOOPBACK + ":" + port);
        settings.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        settings.setProperty("s3proxy.identity", identity);
        settings.setProperty("s3proxy.credential", credential);
        settings.setProperty("jclouds.provider", "filesystem");
        settings.setProperty("jclouds.filesystem.basedir", bucketsDir.toString());
        try (Writer out = Files.newBufferedWriter(properties)) {
            settings.store(out, "written by dev-services on every start");
        }
        Path log = dataDir.resolve("s3proxy.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(), "-Xmx256m", "-jar", jar().toString(), "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        LeftoverProcess.write(pidFile, process.pid());
        return new S3ProxyProcess(process, pidFile, log, port);
    }

    int port() {
        return port;
    }

    void awaitReady() throws InterruptedException {
        try {
            LocalPorts.awaitAccepting(port, Duration.ofSeconds(60), process::isAlive, "s3proxy");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; see " + log, e);
        }
    }

    void stop() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(pidFile);
    }

    /** The s3proxy jar-with-dependencies, found where the class loader got its main class from. */
    private static Path jar() {
        String missing = "s3proxy is not on the classpath as a jar; dev-services needs"
                + " org.gaul:s3proxy:jar-with-dependencies as a runtime dependency";
        try {
            Class<?> main = Class.forName(MAIN_CLASS, false, S3ProxyProcess.class.getClassLoader());
            CodeSource source = main.getProtectionDomain().getCodeSource();
            if (source == null) {
                throw new IllegalStateException(missing);
            }
            return Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(missing, e);
        }
    }
}
