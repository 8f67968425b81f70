package io.lotabots.identity.api;

import io.lotabots.identity.tokens.TokenRejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code identity_tokens_rejected_total{reason}}: access tokens refused, by why (a reason of {@link TokenRejection},
 * or {@code revoked}), a security-monitoring signal: a burst of forged or replayed tokens shows here first.
 */
@ApplicationScoped
public class RejectedTokens {

    static final String REVOKED = "revoked";

    private static final Metadata REJECTED = Metadata.builder()
            .withName("identity.tokens.rejected")
            .withDescription("Access tokens refused, by reason (signature, issuer, expired, revoked, ...)")
            .build();

    @Inject
    MetricRegistry metrics;

    /** Every series exists from start-up, so alerts see zeros rather than gaps. */
    void registerMetrics(@Observes @Initialized(ApplicationScoped.class) Object start) {
        Arrays.stream(TokenRejection.values()).map(RejectedTokens::reason).forEach(this::counter);
        counter(REVOKED);
    }

    void count(TokenRejection rejection) {
        counter(reason(rejection)).inc();
    }

    void count(String reason) {
        counter(reason).inc();
    }

    private org.eclipse.microprofile.metrics.Counter counter(String reason) {
        return metrics.counter(REJECTED, new Tag("reason", reason));
    }

    private static String reason(TokenRejection rejection) {
        return rejection.name().toLowerCase(Locale.ROOT);
    }
}
