package io.lotabots.identity.api;

import io.lotabots.identity.boundary.TokenGrant;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** OAuth 2.0 token response (RFC 6749 §5.1), with its standard snake_case names. */
@JsonbPropertyOrder({"access_token", "token_type", "expires_in", "refresh_token"})
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken) {

    static TokenResponse of(TokenGrant grant) {
        return new TokenResponse(grant.accessToken(), "Bearer", grant.expiresInSeconds(), grant.refreshToken());
    }
}
