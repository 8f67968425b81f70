package io.lotabots.devservices;

import java.util.ArrayDeque;
import java.util.Deque;

/** Everything dev-services started, stopped in reverse order when Maven's JVM exits. */
final class RunningServices implements AutoCloseable {

    /** Stops one started thing. */
    @FunctionalInterface
    interface Stopper {
        void stop() throws Exception;
    }

    private record Started(String name, Stopper stopper) {}

    private final Deque<Started> started = new ArrayDeque<>();

    synchronized void add(String name, Stopper stopper) {
        started.push(new Started(name, stopper));
    }

    /** Registers the JVM shutdown hook; the hook thread joins the calling thread's group, so call this from there. */
    void stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "dev-services-shutdown"));
    }

    @Override
    public synchronized void close() {
        if (!started.isEmpty()) {
            System.out.println("[dev-services] Stopping " + started.size() + " local service(s)");
        }
        while (!started.isEmpty()) {
            Started next = started.pop();
            try {
                next.stopper().stop();
            } catch (Exception | LinkageError e) {
                System.err.println("[dev-services] Could not stop " + next.name() + ": " + e);
            }
        }
    }
}
