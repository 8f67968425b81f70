package io.lotabots.identity.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh-token grant; OAuth's snake_case name. */
public record RefreshRequest(@JsonbProperty("refresh_token") @NotBlank @Size(max = 200) String refreshToken) {}
