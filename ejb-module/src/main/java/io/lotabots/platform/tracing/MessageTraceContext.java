package io.lotabots.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import java.util.List;

/**
 * Carries the W3C trace context ({@code traceparent}, {@code tracestate}) in a JMS message's string
 * properties, so that the span of the bean that takes the message is a child of the one that sent it.
 * Only the trace context goes along, never baggage: nothing of the request but its trace ids leaves.
 */
public final class MessageTraceContext {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapSetter<JMSProducer> PRODUCER_PROPERTIES = (producer, key, value) -> {
        if (producer != null) {
            producer.setProperty(key, value);
        }
    };

    private static final TextMapGetter<Message> MESSAGE_PROPERTIES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Message message) {
            return List.copyOf(W3C.fields());
        }

        @Override
        public String get(Message message, String key) {
            try {
                return message == null ? null : message.getStringProperty(key);
            } catch (JMSException | RuntimeException unreadable) {
                return null;
            }
        }
    };

    private MessageTraceContext() {}

    /**
     * A producer span for one send to {@code queue}, child of {@code parent} (the context of the request
     * that stored the job; the send happens later on another thread); not started when that request was
     * not traced. The producer's properties are set to this span's context, or cleared.
     */
    public static Span send(Context parent, String queue, JMSProducer producer) {
        producer.clearProperties();
        if (parent == null || !Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        Span span = Tracing.tracer()
                .spanBuilder(queue + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "jms")
                .setAttribute("messaging.destination.name", queue)
                .setAttribute("messaging.operation", "publish")
                .startSpan();
        W3C.inject(parent.with(span), producer, PRODUCER_PROPERTIES);
        return span;
    }

    /** A consumer span for a message taken off {@code queue}, child of the sender's span if the message carries one. */
    public static Span receive(Message message, String queue) {
        Context sender = W3C.extract(Context.root(), message, MESSAGE_PROPERTIES);
        if (!Span.fromContext(sender).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return Tracing.tracer()
                .spanBuilder(queue + " process")
                .setParent(sender)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "jms")
                .setAttribute("messaging.destination.name", queue)
                .setAttribute("messaging.operation", "process")
                .startSpan();
    }
}
