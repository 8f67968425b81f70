package io.lotabots.devservices;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Entry point for {@code exec:java}: starts what the Liberty server needs, points the server at it, and returns,
 * leaving the services running until Maven's JVM exits.
 */
public final class DevServices {

    private DevServices() {}

    public static void main(String[] args) throws Exception {
        LaunchOptions options = LaunchOptions.parse(args, Path.of(System.getProperty("user.dir")));
        OwnClasses.load();
        SilentLoggingProvider.install();
        RunningServices running = new RunningServices();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // exec:java interrupts the daemon threads of the group main runs in, then destroys that group. Started
        // from the root group, the proxies, the control server and the shutdown hook all live outside it.
        Thread startup = new Thread(
                rootThreadGroup(),
                () -> {
                    running.stopOnShutdown();
                    try {
                        new DevServicesStartup(options, System.getenv(), running).run();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "dev-services-startup");
        startup.setDaemon(true); // so that whatever it starts is a daemon too unless it says otherwise
        startup.start();
        startup.join();
        if (failure.get() != null) {
            running.close();
            throw new IllegalStateException(
                    "dev-services could not start: " + failure.get().getMessage(), failure.get());
        }
        System.out.println("[dev-services] Ready; the local services stop when this Maven run ends");
    }

    private static ThreadGroup rootThreadGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
