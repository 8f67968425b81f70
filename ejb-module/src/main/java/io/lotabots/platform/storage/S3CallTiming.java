package io.lotabots.platform.storage;

import java.time.Duration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times each S3 call (PutObject, GetObject, …) from the SDK's first attempt to its answer or its last
 * failure, retries included, and hands operation, outcome and time to a {@link Recorder}.
 */
final class S3CallTiming implements ExecutionInterceptor {

    /** Receives one finished call. */
    @FunctionalInterface
    interface Recorder {
        void record(String operation, boolean succeeded, Duration took);
    }

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("lotabots.s3.started");

    private final Recorder recorder;

    S3CallTiming(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finished(attributes, true);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finished(attributes, false);
    }

    private void finished(ExecutionAttributes attributes, boolean succeeded) {
        Long started = attributes.getAttribute(STARTED);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (started != null && operation != null) {
            recorder.record(operation, succeeded, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
