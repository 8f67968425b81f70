package io.lotabots.identity.boundary;

/** A key just created, with its secret: the only time the secret is ever available. */
public record IssuedApiKey(ApiKeyView key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key + ", secret hidden]";
    }
}
