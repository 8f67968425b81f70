package io.lotabots.attestation.control;

import io.lotabots.attestation.entity.Verdict;
import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The claims of an attestation result in the IETF EAR shape (draft-ietf-rats-ear, profile {@code
 * tag:github.com,2023:veraison/ear}): one submodule per type of evidence with its {@code ear.status},
 * AR4SI trustworthiness vector, appraisal policy id and the digest of the evidence it appraised.
 * Deliberately without {@code iss}, {@code aud} and {@code groups}: it can never pass as an access token.
 */
public final class ResultTokenClaims {

    public static final String PROFILE = "tag:github.com,2023:veraison/ear";
    public static final String DEVELOPER = "https://lotabots.io";

    private ResultTokenClaims() {}

    /** What a result says; {@code nonceHex} is the nonce the evidence was submitted with. */
    public record Result(
            UUID attestationId,
            String submodule,
            Verdict verdict,
            JsonObject trustworthinessVector,
            String policyId,
            String evidenceDigest,
            List<String> reasons,
            String nonceHex) {}

    public static JsonObject of(Result result, Instant issuedAt, Duration lifetime, String verifierBuild) {
        byte[] nonce = HexFormat.of().parseHex(result.nonceHex());
        var submod = Json.createObjectBuilder()
                .add("ear.status", result.verdict().earStatus())
                .add("ear.trustworthiness-vector", result.trustworthinessVector())
                .add("ear.appraisal-policy-id", result.policyId())
                .add("lotabots.evidence-digest", "sha-256:" + result.evidenceDigest())
                .add("lotabots.reasons", Json.createArrayBuilder(result.reasons()));
        return Json.createObjectBuilder()
                .add("eat_profile", PROFILE)
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", issuedAt.plus(lifetime).getEpochSecond())
                .add("eat_nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
                .add(
                        "ear.verifier-id",
                        Json.createObjectBuilder().add("build", verifierBuild).add("developer", DEVELOPER))
                .add("lotabots.attestation-id", result.attestationId().toString())
                .add("submods", Json.createObjectBuilder().add(result.submodule(), submod))
                .build();
    }
}
