package io.lotabots.platform.api;

import java.util.Set;

/**
 * One resource method as the access-control matrix shows it. {@code roles} is empty for a public
 * endpoint and for one nobody may call ({@code @DenyAll}); {@code body} is JSON, form or none.
 */
record Endpoint(String method, String path, String body, boolean isPublic, Set<String> roles, String declaredIn) {

    static final String NO_BODY = "—";

    boolean allows(String role) {
        return isPublic || roles.contains(role);
    }
}
