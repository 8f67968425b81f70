package io.lotabots.devservices;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One dependency as the server will see it.
 *
 * @param name what the developer calls it, e.g. {@code PostgreSQL}
 * @param origin where it comes from
 * @param variables the Liberty variables pointing at it (for external ones: what the environment sets)
 * @param whereabouts printable description of where it is, never containing a secret
 */
record ProvisionedService(String name, Origin origin, Map<LibertyVariable, String> variables, String whereabouts) {

    ProvisionedService {
        variables = Collections.unmodifiableMap(new EnumMap<>(variables));
    }

    /** A dependency configured through {@code trigger}'s environment variable, with whatever else is set. */
    static ProvisionedService external(
            String name, LibertyVariable trigger, List<LibertyVariable> related, Map<String, String> env) {
        Map<LibertyVariable, String> fromEnvironment = new EnumMap<>(LibertyVariable.class);
        for (LibertyVariable variable : related) {
            String value = env.get(variable.environmentName());
            if (value != null) {
                fromEnvironment.put(variable, value);
            }
        }
        return new ProvisionedService(
                name, Origin.EXTERNAL, fromEnvironment, "external (" + trigger.environmentName() + ")");
    }

    static boolean isConfigured(LibertyVariable trigger, Map<String, String> env) {
        String value = env.get(trigger.environmentName());
        return value != null && !value.isBlank();
    }

    String describe() {
        return "[dev-services] " + name + ": " + whereabouts;
    }
}
