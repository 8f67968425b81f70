package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.hardware.boundary.HardwareAttestations;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.input.InvalidInput;
import io.lotabots.platform.api.input.JsonBodyCheck;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * TPM 2.0 attestation: a nonce, then the quote tpm2-tools made with it, as JSON or as the raw files
 * in multipart/form-data. Operators, administrators and developers' bots (API keys) attest.
 */
@ApplicationScoped
@Path("attestations/hardware")
@Tag(name = "Hardware attestation", description = "TPM 2.0 quotes verified asynchronously, EAR results")
@RolesAllowed({"OPERATOR", "ADMIN", "DEVELOPER"})
public class HardwareAttestationResource {

    private static final String EXAMPLE_NONCE =
            "{\"nonce\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                    + "\"expiresAt\":\"2026-11-26T12:05:00Z\"}";
    private static final String EXAMPLE_JSON =
            "{\"nonce\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                    + "\"quote\":\"/1RDR4AYACIAC...\",\"signature\":\"ABgACwAg...\",\"pcrs\":\"AQAAAAsAAwAA...\","
                    + "\"pcrsFormat\":\"serialized\",\"akPublicKey\":\"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYI...\\n"
                    + "-----END PUBLIC KEY-----\\n\",\"deviceId\":\"7d3c1e0a-52f4-4c0e-9a4e-1f0c2b3a4d5e\",\"policy\":\"default\"}";
    private static final String EXAMPLE_MULTIPART = "curl -H \"Authorization: Bearer $TOKEN\""
            + " -F nonce=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 -F quote=@quote.msg"
            + " -F signature=@quote.sig -F pcrs=@quote.pcrs -F akPublicKey=@ak.pem"
            + " https://lotabots.example/api/v1/attestations/hardware";
    private static final String EXAMPLE_ACCEPTED =
            "{\"id\":\"5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a\",\"status\":\"PENDING\"}";

    @EJB
    HardwareAttestations attestations;

    @Context
    SecurityContext security;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.nonce.size", defaultValue = "32")
    int defaultNonceSize;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.hardware.max-part-bytes", defaultValue = "65536")
    int maxPartBytes;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.hardware.max-event-log-bytes", defaultValue = "524288")
    int maxEventLogBytes;

    @POST
    @Path("nonces")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueHardwareNonce",
            summary = "Issue a nonce",
            description = "Random bytes (hex) for tpm2_quote -q; single use, bound to the caller's tenant, valid"
                    + " for lotabots.attestation.nonce.ttl (5 minutes). Optional body {\"size\": 8..64}, default 32.")
    @APIResponse(
            responseCode = "201",
            description = "The nonce and when it expires",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "nonce", value = EXAMPLE_NONCE)))
    @APIResponse(responseCode = "400", description = "size outside 8..64")
    public Response nonce(String body) {
        int size = nonceSize(body);
        var issued = attestations.issueNonce(caller().tenantId(), size);
        var json = Json.createObjectBuilder()
                .add("nonce", issued.hex())
                .add("expiresAt", issued.expiresAt().toString())
                .build();
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(json)
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitHardwareEvidence",
            summary = "Submit TPM evidence (JSON)",
            description = "nonce (hex), quote / signature / pcrs (base64 of tpm2_quote -m / -s / -o), pcrsFormat"
                    + " (serialized | values), pcrSelection (required with values), akPublicKey (PEM) or akPublicArea"
                    + " (base64 TPM2B_PUBLIC), optional akCertificate, ekCertificate (PEM or base64 DER),"
                    + " certificateChain (array or PEM bundle), eventLog (base64), deviceId, policy. Verified"
                    + " asynchronously: poll the Location.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "ecc-ak", value = EXAMPLE_JSON)))
    @APIResponse(
            responseCode = "202",
            description = "Stored and queued",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "accepted", value = EXAMPLE_ACCEPTED)))
    @APIResponse(
            responseCode = "400",
            description = "Missing field, bad base64 or hex, unknown pcrsFormat, part over the size limit, unknown"
                    + " policy: problem+json naming each; nothing stored, the nonce not consumed")
    public Response submitJson(JsonObject body, @Context UriInfo uriInfo) {
        var limits = new PartLimits(maxPartBytes, maxEventLogBytes);
        try {
            return submit(HardwareSubmissionReader.fromJson(body, limits), uriInfo);
        } catch (MalformedSubmissionException e) {
            throw Refusal.invalidInput(e.errors());
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitHardwareEvidence",
            summary = "Submit TPM evidence (multipart)",
            description = "The same fields as parts holding the files tpm2-tools wrote, unchanged; text parts"
                    + " (nonce, pcrsFormat, pcrSelection, deviceId, policy) as plain values. certificateChain may be"
                    + " sent several times. With curl: " + EXAMPLE_MULTIPART)
    @APIResponse(responseCode = "202", description = "Stored and queued")
    @APIResponse(responseCode = "400", description = "As for JSON")
    public Response submitMultipart(List<EntityPart> parts, @Context UriInfo uriInfo) {
        var limits = new PartLimits(maxPartBytes, maxEventLogBytes);
        Map<String, List<byte[]>> values = new LinkedHashMap<>();
        List<FieldProblem> errors = new ArrayList<>();
        for (EntityPart part : parts) {
            String name = part.getName();
            int max = limits.of(name);
            byte[] content = readAtMost(part.getContent(), max + 1);
            if (content.length > max) {
                errors.add(new FieldProblem(name, "is over " + max + " bytes, the most accepted"));
                continue;
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(content);
        }
        try {
            return submit(HardwareSubmissionReader.fromParts(values, errors, limits), uriInfo);
        } catch (MalformedSubmissionException e) {
            throw Refusal.invalidInput(e.errors());
        }
    }

    private Response submit(HardwareSubmission submission, UriInfo uriInfo) {
        Caller caller = caller();
        AttestationView view =
                attestations.submit(caller.tenantId(), caller.subject(), submission.evidence(), submission.policy());
        var body = Json.createObjectBuilder()
                .add("id", view.id().toString())
                .add("status", view.status())
                .build();
        return Response.accepted(body)
                .type(MediaType.APPLICATION_JSON)
                .location(uriInfo.getBaseUriBuilder()
                        .path("attestations")
                        .path(view.id().toString())
                        .build())
                .build();
    }

    private int nonceSize(String body) {
        if (body == null || body.isBlank()) {
            return defaultNonceSize;
        }
        JsonValue size;
        try {
            size = JsonBodyCheck.readObject(body.getBytes(StandardCharsets.UTF_8))
                    .get("size");
        } catch (InvalidInput e) {
            throw e.toRefusal();
        }
        if (size == null || size.getValueType() == JsonValue.ValueType.NULL) {
            return defaultNonceSize;
        }
        if (size.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) size).isIntegral()) {
            throw Refusal.invalidField("size", "must be a whole number of bytes");
        }
        // compared exactly: intValue() wraps 4294967304 to 8
        var exact = ((JsonNumber) size).bigDecimalValue();
        if (exact.compareTo(BigDecimal.valueOf(HardwareSubmissionReader.MIN_NONCE)) < 0
                || exact.compareTo(BigDecimal.valueOf(HardwareSubmissionReader.MAX_NONCE)) > 0) {
            throw Refusal.invalidField(
                    "size",
                    "must be " + HardwareSubmissionReader.MIN_NONCE + " to " + HardwareSubmissionReader.MAX_NONCE);
        }
        return exact.intValueExact();
    }

    private static byte[] readAtMost(InputStream in, int max) {
        try (in) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Caller caller() {
        return Callers.of(security);
    }
}
