package io.lotabots.platform.storage;

import io.lotabots.platform.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A client span for each S3 call made while a request or message is traced (OpenTelemetry's conventions
 * for AWS calls: {@code rpc.system=aws-api}, {@code rpc.service=S3}, {@code rpc.method=PutObject}),
 * retries included. The bucket is named; object keys are not (they hold tenant and job ids the parent
 * spans carry anyway). The trace context is not sent to S3.
 */
final class S3CallTracing implements ExecutionInterceptor {

    private static final ExecutionAttribute<Span> SPAN = new ExecutionAttribute<>("lotabots.s3.span");

    private final String bucket;

    S3CallTracing(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!Tracing.inTrace()) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        attributes.putAttribute(
                SPAN,
                Tracing.tracer()
                        .spanBuilder("S3." + operation)
                        .setSpanKind(SpanKind.CLIENT)
                        .setAttribute("rpc.system", "aws-api")
                        .setAttribute("rpc.service", "S3")
                        .setAttribute("rpc.method", operation)
                        .setAttribute("aws.s3.bucket", bucket)
                        .startSpan());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span != null) {
            span.setAttribute(
                    "http.response.status_code", context.httpResponse().statusCode());
            span.end();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span != null) {
            span.setStatus(StatusCode.ERROR, context.exception().getClass().getSimpleName());
            span.end();
        }
    }
}
