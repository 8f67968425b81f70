package io.lotabots.identity.api;

import io.lotabots.identity.entity.Role;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The complete set of roles a user holds from now on. */
@Schema(example = "{\"roles\": [\"AUDITOR\", \"COMPLIANCE_OFFICER\"]}")
public record RolesRequest(@NotEmpty Set<@NotNull Role> roles) {}
