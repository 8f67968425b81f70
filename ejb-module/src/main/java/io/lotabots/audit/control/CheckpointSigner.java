package io.lotabots.audit.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.SignedJWT;
import io.lotabots.platform.crypto.JwsRejectedException;
import io.lotabots.platform.crypto.JwsSigners;
import io.lotabots.platform.crypto.SigningKeyGenerator;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Signs audit checkpoints as compact ES256 JWS with {@code typ: audit-checkpoint+jwt}, and verifies
 * them. Verification accepts only ES256 and that type, so neither an unsigned or HMAC token nor
 * another kind of token signed with the same key passes as a checkpoint.
 */
public final class CheckpointSigner {

    public static final JOSEObjectType TYPE = new JOSEObjectType("audit-checkpoint+jwt");

    private static final Set<JWSAlgorithm> ES256_ONLY = Set.of(JWSAlgorithm.ES256);

    private final String keyId;
    private final ECPublicKey publicKey;
    private final JWSSigner signer;

    public CheckpointSigner(String keyId, ECPrivateKey privateKey, ECPublicKey publicKey) {
        requireP256("private", privateKey.getParams());
        requireP256("public", publicKey.getParams());
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.publicKey = publicKey;
        this.signer = JwsSigners.of(new ECKey.Builder(Curve.P_256, publicKey)
                .privateKey(privateKey)
                .keyID(keyId)
                .build());
    }

    /** A new P-256 key pair, for tests. */
    public static KeyPair generateKeyPair() {
        try {
            return SigningKeyGenerator.p256(Instant.now()).toKeyPair();
        } catch (JOSEException e) {
            throw new IllegalStateException("a generated P-256 key has both halves", e);
        }
    }

    public String sign(Checkpoint checkpoint) {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(keyId)
                .type(TYPE)
                .build();
        var token = new SignedJWT(header, CheckpointClaims.of(checkpoint));
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
        return token.serialize();
    }

    /** The public key as a JWK, for publishing so auditors can verify checkpoints offline. */
    public ECKey publicJwk() {
        return new ECKey.Builder(Curve.P_256, publicKey)
                .keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .build();
    }

    /** The checkpoint in {@code jws}, if it is an ES256 checkpoint token signed with {@code key}. */
    public static Checkpoint verify(String jws, ECPublicKey key) throws CheckpointRejectedException {
        SignedJWT token;
        try {
            token = SignedJWT.parse(jws);
        } catch (ParseException e) {
            throw new CheckpointRejectedException("not a signed compact JWS: " + e.getMessage(), e);
        }
        var header = token.getHeader();
        try {
            JwsSigners.verify(token, key, ES256_ONLY);
        } catch (JwsRejectedException e) {
            throw new CheckpointRejectedException(
                    switch (e.reason()) {
                        case ALGORITHM -> "algorithm " + header.getAlgorithm() + " is not ES256";
                        case SIGNATURE -> "signature does not verify with the given key";
                        case UNKNOWN_KEY, UNUSABLE_KEY -> "cannot verify with the given key: " + e.getMessage();
                    },
                    e);
        }
        if (!TYPE.equals(header.getType())) {
            throw new CheckpointRejectedException("type " + header.getType() + " is not " + TYPE);
        }
        try {
            return CheckpointClaims.from(token.getJWTClaimsSet());
        } catch (ParseException e) {
            throw new CheckpointRejectedException("checkpoint payload is not a JSON object", e);
        }
    }

    private static void requireP256(String which, ECParameterSpec params) {
        if (!Curve.P_256.equals(Curve.forECParameterSpec(params))) {
            throw new IllegalArgumentException(which + " key is not on curve P-256");
        }
    }
}
