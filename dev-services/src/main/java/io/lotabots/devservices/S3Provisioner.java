package io.lotabots.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Finds or starts the S3-compatible object store the application uses. */
final class S3Provisioner {

    static final String NAME = "S3";
    static final int EMBEDDED_PORT = 18080;
    static final String ACCESS_KEY = "lotabots-local";
    static final String SECRET_KEY = "lotabots-local-secret";

    private static final List<LibertyVariable> VARIABLES = List.of(
            LibertyVariable.S3_ENDPOINT,
            LibertyVariable.S3_ACCESS_KEY,
            LibertyVariable.S3_SECRET_KEY,
            LibertyVariable.S3_PATH_STYLE,
            LibertyVariable.S3_REGION);

    /** There is no "machine" S3 to look for: without LOTABOTS_S3_ENDPOINT, s3proxy always starts. */
    ProvisionedService provision(LaunchOptions options, Map<String, String> env, RunningServices running)
            throws IOException, InterruptedException {
        if (ProvisionedService.isConfigured(LibertyVariable.S3_ENDPOINT, env)) {
            return ProvisionedService.external(NAME, LibertyVariable.S3_ENDPOINT, VARIABLES, env);
        }
        Path bucketsDir = options.dataDir().resolve("s3");
        Files.createDirectories(bucketsDir);
        S3ProxyProcess s3proxy =
                S3ProxyProcess.start(options.dataDir(), bucketsDir, EMBEDDED_PORT, ACCESS_KEY, SECRET_KEY);
        running.add(NAME, s3proxy::stop);
        s3proxy.awaitReady();
        String endpoint = "http://" + LocalPorts.LOOPBACK + ":" + s3proxy.port();
        Map<LibertyVariable, String> variables = new EnumMap<>(LibertyVariable.class);
        variables.put(LibertyVariable.S3_ENDPOINT, endpoint);
        variables.put(LibertyVariable.S3_ACCESS_KEY, ACCESS_KEY);
        variables.put(LibertyVariable.S3_SECRET_KEY, SECRET_KEY);
        variables.put(LibertyVariable.S3_PATH_STYLE, "true");
        variables.put(LibertyVariable.S3_REGION, "us-east-1");
        return new ProvisionedService(
                NAME, Origin.EMBEDDED, variables, "embedded s3proxy at " + endpoint + " (data in " + bucketsDir + ")");
    }
}
