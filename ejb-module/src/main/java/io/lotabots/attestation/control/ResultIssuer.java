package io.lotabots.attestation.control;

import com.nimbusds.jose.jwk.ECKey;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.keys.AttestationResultKeys;
import io.lotabots.platform.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns an appraisal of any type into what the job records: the report for S3 (the job's facts around
 * the appraisal's own report), the result the row keeps (reasons, check summaries, claims) and the EAR
 * result token, whose submodule is the type's label, signed with the attestation result key.
 */
@ApplicationScoped
public class ResultIssuer {

    @Inject
    AttestationResultKeys keys;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.result-token.lifetime", defaultValue = "P1D")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.verifier-build", defaultValue = "lotabots-1.0.0")
    String verifierBuild;

    /** Call inside the transaction that records the verdict: the first result creates the signing key under a lock. */
    public IssuedResult issue(Attestation job, Appraisal appraisal, Instant now) {
        return issue(job, appraisal, now, keys.signingKey());
    }

    IssuedResult issue(Attestation job, Appraisal appraisal, Instant now, ECKey signingKey) {
        String policyId = job.policyName() + "@" + job.policyVersion();
        String token = ResultTokenSigner.sign(
                ResultTokenClaims.of(
                        new ResultTokenClaims.Result(
                                job.id(),
                                job.type().label(),
                                appraisal.verdict(),
                                appraisal.trustworthinessVector(),
                                policyId,
                                job.evidenceDigest(),
                                appraisal.reasons(),
                                job.nonce()),
                        now,
                        tokenLifetime,
                        verifierBuild),
                signingKey);
        var result = Json.createObjectBuilder()
                .add("reasons", Json.createArrayBuilder(appraisal.reasons()))
                .add("checks", appraisal.checks())
                .add("claims", appraisal.claims())
                .build();
        return new IssuedResult(report(job, appraisal, policyId, now), result, token);
    }

    private static byte[] report(Attestation job, Appraisal appraisal, String policyId, Instant now) {
        // plain JSON, not the canonical form: a report's inputs may hold any number
        return Json.createObjectBuilder()
                .add("attestationId", job.id().toString())
                .add("type", job.type().label())
                .add("policy", policyId)
                .add("evidenceDigest", job.evidenceDigest())
                .add("nonceStatus", job.nonceStatus())
                .add("verdict", appraisal.verdict().earStatus())
                .add("appraisedAt", now.toString())
                .add("appraisal", appraisal.report())
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What a verdict records: the report for S3, the row's result and the signed EAR token. */
    public record IssuedResult(byte[] report, JsonObject result, String token) {}
}
