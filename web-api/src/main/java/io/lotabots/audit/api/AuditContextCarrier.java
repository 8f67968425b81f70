package io.lotabots.audit.api;

import io.lotabots.audit.boundary.AuditContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Carries a request's audit context (address, user agent, caller) to work that finishes on another
 * thread, such as a delayed login answer, so the events it records are still attributed.
 */
@ApplicationScoped
public class AuditContextCarrier {

    @Inject
    AuditContext context;

    @Inject
    Instance<RequestContextController> controllers;

    public <T> Supplier<T> carry(Supplier<T> work) {
        String sourceIp = context.sourceIp();
        String userAgent = context.userAgent();
        var caller = context.caller();
        return () -> {
            var controller = controllers.get();
            boolean activated = controller.activate();
            try {
                context.origin(sourceIp, userAgent);
                caller.ifPresent(context::authenticated);
                return work.get();
            } finally {
                if (activated) {
                    controller.deactivate();
                }
                controllers.destroy(controller);
            }
        };
    }
}
