package io.lotabots.identity.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature, issuer and audience already passed, by their exact serialization: a
 * client presents the same token for minutes, and checking an RS256 signature and parsing its JSON
 * again on every request was most of the token check's cost. Only the validity period is checked
 * again. Forgets everything when the published key set changes (a retired key's tokens must then
 * verify afresh) and when full, so memory stays bounded without per-entry bookkeeping.
 */
final class RememberedTokens {

    private final int capacity;
    private final Map<String, JWTClaimsSet> claimsByToken = new ConcurrentHashMap<>();
    private volatile JWKSet verifiedWith;

    RememberedTokens(int capacity) {
        this.capacity = capacity;
    }

    /** The claims of a token verified before against these very keys, or null. */
    JWTClaimsSet recall(String serialized, JWKSet keys) {
        if (keys != verifiedWith) {
            return null;
        }
        return claimsByToken.get(serialized);
    }

    void remember(String serialized, JWKSet keys, JWTClaimsSet claims) {
        if (keys != verifiedWith) {
            synchronized (this) {
                if (keys != verifiedWith) {
                    claimsByToken.clear();
                    verifiedWith = keys;
                }
            }
        }
        if (claimsByToken.size() >= capacity) {
            claimsByToken.clear();
        }
        claimsByToken.put(serialized, claims);
    }

    int size() {
        return claimsByToken.size();
    }
}
