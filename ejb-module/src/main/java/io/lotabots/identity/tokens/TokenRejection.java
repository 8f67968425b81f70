package io.lotabots.identity.tokens;

/** Why an access token was refused; the description is safe to show to the caller (RFC 6750 error_description). */
public enum TokenRejection {
    MALFORMED("The token is not a signed JWT."),
    TOO_LONG("The token is longer than any token this service issues."),
    ALGORITHM("The token is signed with an algorithm this service does not accept."),
    UNKNOWN_KEY("The token names no key this service publishes."),
    SIGNATURE("The token's signature does not verify."),
    ISSUER("The token was issued by someone else."),
    AUDIENCE("The token is meant for another audience."),
    MISSING_CLAIM("The token lacks a required claim."),
    EXPIRED("The token has expired."),
    NOT_YET_VALID("The token is not valid yet.");

    private final String description;

    TokenRejection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
