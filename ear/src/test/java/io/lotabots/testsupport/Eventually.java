package io.lotabots.testsupport;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a supplier until its value satisfies a condition, instead of guessing a sleep. */
public final class Eventually {

    private Eventually() {}

    public static <T> T await(Duration timeout, Supplier<T> supplier, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = supplier.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Timed out after " + timeout + " waiting for " + what + "; last value: " + value);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            value = supplier.get();
        }
        return value;
    }
}
