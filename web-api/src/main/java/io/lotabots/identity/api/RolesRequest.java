package io.lotabots.identity.api;

import io.lotabots.identity.entity.Role;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The complete set of roles a user holds from now on (at least one: the identity boundary's rule). */
@Schema(example = "{\"roles\": [\"AUDITOR\", \"COMPLIANCE_OFFICER\"]}")
public record RolesRequest(@Schema(required = true, minItems = 1) Set<Role> roles) {}
