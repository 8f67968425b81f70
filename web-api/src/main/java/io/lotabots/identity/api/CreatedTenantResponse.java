package io.lotabots.identity.api;

import io.lotabots.identity.boundary.CreatedTenant;
import io.lotabots.identity.boundary.TenantView;
import java.util.UUID;

/** The 201 answer to a tenant creation: the only time the first administrator's one-time password is shown. */
public record CreatedTenantResponse(TenantView tenant, FirstAdministrator admin) {

    /** Log in with the one-time password and a {@code newPassword} of your own; it works for nothing else. */
    public record FirstAdministrator(UUID id, String username, String oneTimePassword) {}

    static CreatedTenantResponse of(CreatedTenant created) {
        return new CreatedTenantResponse(
                created.tenant(),
                new FirstAdministrator(created.adminId(), created.adminUsername(), created.oneTimePassword()));
    }
}
