package io.lotabots.platform.metrics;

import jakarta.ejb.Timer;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code timer_runs_total{timer}}: the runs of a persistent timer that this server completed, named by
 * the timer's info. Summed over a cluster's servers it shows each tick ran once, and per server which
 * member runs the timers (and that a survivor took them over when a member died).
 */
public class TimerRuns {

    private static final Metadata RUNS = Metadata.builder()
            .withName("timer.runs")
            .withDescription("Runs of a persistent timer completed on this server, by the timer's info")
            .build();

    @Inject
    MetricRegistry metrics;

    @AroundTimeout
    Object count(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        metrics.counter(RUNS, new Tag("timer", name(invocation.getTimer()))).inc();
        return result;
    }

    private static String name(Object timer) {
        return timer instanceof Timer t && t.getInfo() instanceof String info ? info : "unnamed";
    }
}
