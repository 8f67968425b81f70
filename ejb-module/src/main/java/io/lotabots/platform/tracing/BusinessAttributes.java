package io.lotabots.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.util.Locale;

/**
 * The business attributes of the application's spans: ids and enumerations only, never a secret, a
 * name, an address or evidence content.
 */
public final class BusinessAttributes {

    public static final AttributeKey<String> TENANT = AttributeKey.stringKey("lotabots.tenant");
    public static final AttributeKey<String> ATTESTATION_ID = AttributeKey.stringKey("lotabots.attestation.id");
    public static final AttributeKey<String> ATTESTATION_TYPE = AttributeKey.stringKey("lotabots.attestation.type");
    public static final AttributeKey<String> ATTESTATION_STATUS = AttributeKey.stringKey("lotabots.attestation.status");
    public static final AttributeKey<String> VERDICT = AttributeKey.stringKey("lotabots.attestation.verdict");

    private BusinessAttributes() {}

    /** Describes the current span's attestation; null values are left out. */
    public static void attestation(Object id, Object tenant, Object type, Object status, Object verdict) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        put(span, ATTESTATION_ID, id);
        put(span, TENANT, tenant);
        put(span, ATTESTATION_TYPE, type);
        put(span, ATTESTATION_STATUS, status);
        put(span, VERDICT, verdict);
    }

    private static void put(Span span, AttributeKey<String> key, Object value) {
        if (value != null) {
            span.setAttribute(key, value.toString().toLowerCase(Locale.ROOT));
        }
    }
}
