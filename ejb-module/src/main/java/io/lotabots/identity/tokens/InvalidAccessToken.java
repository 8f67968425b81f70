package io.lotabots.identity.tokens;

/** An access token that must not authenticate a request, and why. */
public class InvalidAccessToken extends Exception {

    private static final long serialVersionUID = 1L;

    private final TokenRejection reason;

    public InvalidAccessToken(TokenRejection reason) {
        super(reason.description(), null, false, false);
        this.reason = reason;
    }

    public TokenRejection reason() {
        return reason;
    }
}
