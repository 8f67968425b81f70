package io.lotabots.platform.api;

import io.lotabots.platform.logging.LogContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Produces an answer after a wait without holding a request thread through it: the work is
 * scheduled on the server's managed scheduler and the resource returns a CompletionStage, so a
 * thousand delayed logins cost a thousand timer entries rather than a thousand sleeping threads.
 */
@ApplicationScoped
public class DelayedResponses {

    @Resource
    ManagedScheduledExecutorService scheduler;

    public CompletionStage<Response> after(Duration wait, Supplier<Response> work) {
        if (wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(work.get());
        }
        var answer = new CompletableFuture<Response>();
        // the request's log fields go along: the work (a login's checks) logs on the scheduler's thread
        scheduler.schedule(
                LogContext.carried(() -> {
                    try {
                        answer.complete(work.get());
                    } catch (RuntimeException e) {
                        answer.completeExceptionally(e);
                    }
                }),
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
        return answer;
    }
}
