package io.lotabots.identity.boundary;

import java.util.UUID;

/**
 * A new tenant and its first administrator, with the one-time password that administrator must
 * replace at their first login. The only place the password is ever shown; it is never stored or logged.
 */
public record CreatedTenant(TenantView tenant, UUID adminId, String adminUsername, String oneTimePassword) {}
