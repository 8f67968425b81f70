package io.lotabots.devservices;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Brings up every dependency, then tells the Liberty server and the integration tests where they are. */
final class DevServicesStartup {

    private final LaunchOptions options;
    private final Map<String, String> env;
    private final RunningServices running;

    DevServicesStartup(LaunchOptions options, Map<String, String> env, RunningServices running) {
        this.options = options;
        this.env = env;
        this.running = running;
    }

    void run() throws Exception {
        ProvisionedService postgres = announce(new PostgresProvisioner().provision(options, env, running));
        ProvisionedService redis = announce(new RedisProvisioner().provision(options, env, running));
        ProvisionedService s3 = announce(new S3Provisioner().provision(options, env, running));

        Map<LibertyVariable, String> forServer = new EnumMap<>(LibertyVariable.class);
        Map<LibertyVariable, String> forTests = new EnumMap<>(LibertyVariable.class);
        for (ProvisionedService service : List.of(postgres, redis, s3)) {
            if (service.origin() != Origin.EXTERNAL) {
                forServer.putAll(service.variables());
            }
            forTests.putAll(service.variables());
        }
        Optional<URI> chaosControl = Optional.empty();
        if (options.chaosProxies()) {
            ChaosProxies chaos = ChaosProxies.start(postgres, redis, s3, running);
            forServer.putAll(chaos.variables());
            forServer.putAll(chaos.serverVariables());
            forTests.putAll(chaos.variables());
            chaosControl = Optional.of(chaos.controlUrl());
            System.out.println(chaos.describe());
        }

        if (options.localIdentity()) {
            LocalIdentity identity = LocalIdentity.prepare(options.dataDir(), env);
            forServer.putAll(identity.variables());
            System.out.println(identity.describe());
            LocalScrapeCredential scrape = LocalScrapeCredential.prepare(options.dataDir(), env);
            forServer.putAll(scrape.variables());
            System.out.println(scrape.describe());
        }

        Path overrides = LibertyOverrides.write(options.serverDir(), forServer);
        System.out.println(
                forServer.isEmpty()
                        ? "[dev-services] Everything is external; removed " + overrides + " if it was there"
                        : "[dev-services] Server variables written to " + overrides);
        if (options.report().isPresent()) {
            ServiceReport.write(options.report().get(), forTests, chaosControl);
            System.out.println(
                    "[dev-services] Report written to " + options.report().get());
        }
    }

    private static ProvisionedService announce(ProvisionedService service) {
        System.out.println(service.describe());
        return service;
    }
}
