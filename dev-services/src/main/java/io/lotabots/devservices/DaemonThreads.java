package io.lotabots.devservices;

/** Threads that never keep exec:java, which waits for every non-daemon thread, from returning. */
final class DaemonThreads {

    private DaemonThreads() {}

    static Thread named(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
