package io.lotabots.platform.api.openapi;

import static io.lotabots.platform.api.openapi.Schemas.arrayOf;
import static io.lotabots.platform.api.openapi.Schemas.file;
import static io.lotabots.platform.api.openapi.Schemas.integer;
import static io.lotabots.platform.api.openapi.Schemas.object;
import static io.lotabots.platform.api.openapi.Schemas.ordered;
import static io.lotabots.platform.api.openapi.Schemas.ref;
import static io.lotabots.platform.api.openapi.Schemas.string;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The JSON shapes that resources build by hand, so no Java type describes them: problem documents,
 * nonces, hardware evidence and its acceptance, OAuth token responses.
 */
final class ContractShapes {

    static final String PROBLEM = "Problem";
    static final String NONCE_REQUEST = "NonceRequest";
    static final String NONCE = "Nonce";
    static final String HARDWARE_EVIDENCE = "HardwareEvidence";
    static final String HARDWARE_EVIDENCE_FILES = "HardwareEvidenceFiles";
    static final String SUBMISSION_ACCEPTED = "SubmissionAccepted";
    static final String TOKEN_RESPONSE = "TokenResponse";
    static final String CLIENT_CREDENTIALS_GRANT = "ClientCredentialsGrant";
    static final String MODEL_UPLOAD = "ModelUpload";

    private static final String HEX_NONCE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private ContractShapes() {}

    static Map<String, Schema> all() {
        var shapes = new LinkedHashMap<String, Schema>();
        shapes.put(PROBLEM, problem());
        shapes.put("FieldError", fieldError());
        shapes.put(NONCE_REQUEST, nonceRequest());
        shapes.put(NONCE, nonce());
        shapes.put(HARDWARE_EVIDENCE, hardwareEvidence());
        shapes.put(HARDWARE_EVIDENCE_FILES, hardwareEvidenceFiles());
        shapes.put(SUBMISSION_ACCEPTED, submissionAccepted());
        shapes.put(CLIENT_CREDENTIALS_GRANT, clientCredentialsGrant());
        shapes.put(TOKEN_RESPONSE, tokenResponse());
        shapes.put(MODEL_UPLOAD, modelUpload());
        return shapes;
    }

    private static Schema problem() {
        return object(
                        List.of("type", "title", "status"),
                        ordered(
                                "type", string("A URI per kind of problem").format("uri"),
                                "title", string("The kind of problem, the same for every occurrence"),
                                "status", integer("The HTTP status").minimum(BigDecimal.valueOf(400)),
                                "detail", string("What was wrong with this request"),
                                "instance", string("The request's path").format("uri-reference"),
                                "errors", arrayOf(ref("FieldError"), "Every invalid field or parameter")))
                .description("RFC 9457 problem details; never a stack trace")
                .example(ordered(
                        "type", "https://lotabots.io/problems/validation",
                        "title", "Invalid request",
                        "status", 400,
                        "detail", "The request has invalid fields.",
                        "instance", "/api/v1/attestations/hardware/nonces",
                        "errors", List.of(ordered("field", "size", "message", "must be 8 to 64"))));
    }

    private static Schema fieldError() {
        return object(
                        List.of("field", "message"),
                        ordered(
                                "field", string("The field, parameter or part, by its name in the request"),
                                "message", string("What is wrong with it")))
                .description("One invalid input and what is wrong with it");
    }

    private static Schema nonceRequest() {
        return object(
                        List.of(),
                        ordered(
                                "size",
                                integer("Bytes of randomness, 8 to 64; default lotabots.attestation.nonce.size (32)")
                                        .minimum(BigDecimal.valueOf(8))
                                        .maximum(BigDecimal.valueOf(64))))
                .example(ordered("size", 32));
    }

    private static Schema nonce() {
        return object(
                        List.of("nonce", "expiresAt"),
                        ordered(
                                "nonce",
                                        string("The random bytes in hex, for tpm2_quote -q")
                                                .pattern("^[0-9a-f]+$"),
                                "expiresAt",
                                        string("When it stops being accepted").format("date-time")))
                .example(ordered("nonce", HEX_NONCE, "expiresAt", "2026-11-26T12:05:00Z"));
    }

    private static Schema hardwareEvidence() {
        var properties = new LinkedHashMap<String, Schema>();
        properties.put("nonce", string("The issued nonce, hex").pattern("^[0-9a-fA-F]+$"));
        properties.put("quote", string("base64 of tpm2_quote -m (TPMS_ATTEST)"));
        properties.put("signature", string("base64 of tpm2_quote -s (TPMT_SIGNATURE)"));
        properties.put("pcrs", string("base64 of tpm2_quote -o"));
        properties.put(
                "pcrsFormat",
                string("How pcrs is laid out; default serialized")
                        .enumeration(List.<Object>of("serialized", "values")));
        properties.put("pcrSelection", string("tpm2-tools selection such as sha256:0,1,2; required with values"));
        properties.put("akPublicKey", string("The AK's public key, PEM"));
        properties.put("akPublicArea", string("The AK's TPM2B_PUBLIC, base64 (instead of akPublicKey)"));
        properties.put("akCertificate", string("The AK's certificate, PEM or base64 DER"));
        properties.put("ekCertificate", string("The EK's certificate, PEM or base64 DER"));
        properties.put("certificateChain", arrayOf(string(null), "Intermediate certificates, PEM or base64 DER"));
        properties.put("eventLog", string("base64 of the binary measured-boot event log"));
        properties.put("deviceId", string("An enrolled device's id").format("uuid"));
        properties.put("policy", string("The policy to appraise with; default: the tenant's default"));
        return object(List.of("nonce", "quote", "signature", "pcrs"), properties)
                .description("TPM 2.0 evidence as JSON; binary parts in base64 (line breaks allowed)");
    }

    private static Schema hardwareEvidenceFiles() {
        var properties = new LinkedHashMap<String, Schema>();
        properties.put("nonce", string("The issued nonce, hex"));
        properties.put("quote", file("tpm2_quote -m"));
        properties.put("signature", file("tpm2_quote -s"));
        properties.put("pcrs", file("tpm2_quote -o"));
        properties.put("pcrsFormat", string("serialized (default) or values"));
        properties.put("pcrSelection", string("Required with values"));
        properties.put("akPublicKey", file("PEM"));
        properties.put("akPublicArea", file("TPM2B_PUBLIC"));
        properties.put("akCertificate", file("PEM or DER"));
        properties.put("ekCertificate", file("PEM or DER"));
        properties.put("certificateChain", arrayOf(file(null), "May be sent several times"));
        properties.put("eventLog", file("Binary measured-boot event log"));
        properties.put("deviceId", string("An enrolled device's id"));
        properties.put("policy", string("The policy to appraise with"));
        return object(List.of("nonce", "quote", "signature", "pcrs"), properties)
                .description("The files tpm2-tools wrote, unchanged, one part each");
    }

    private static Schema modelUpload() {
        return object(
                        List.of("name"),
                        ordered(
                                "name", string("What people call the model, 1 to 200 characters"),
                                "file", file("A single-file model (send file or archive)"),
                                "archive", file("A zip of the model's directory (send file or archive)")))
                .description("A model upload: its name and its content, streamed into storage as it arrives");
    }

    private static Schema submissionAccepted() {
        return object(
                        List.of("id", "status"),
                        ordered(
                                "id",
                                        string("The attestation's id; poll the Location")
                                                .format("uuid"),
                                "status", string("Always PENDING at first").enumeration(List.<Object>of("PENDING"))))
                .example(ordered("id", "5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a", "status", "PENDING"));
    }

    private static Schema clientCredentialsGrant() {
        return object(
                        List.of("grant_type"),
                        ordered(
                                "grant_type", string(null).enumeration(List.<Object>of("client_credentials")),
                                "client_id",
                                        string("The API key's id, unless sent as HTTP Basic")
                                                .format("uuid"),
                                "client_secret", string("The key's lbk_ secret, unless sent as HTTP Basic")))
                .description("OAuth 2.0 client-credentials grant (RFC 6749 section 4.4)")
                .example(ordered(
                        "grant_type", "client_credentials",
                        "client_id", "0b9e3f6c-1c77-4b8e-9a55-2d1f3c4b5a69",
                        "client_secret", "lbk_example"));
    }

    private static Schema tokenResponse() {
        var properties = new LinkedHashMap<String, Schema>();
        properties.put("access_token", string("A signed JWT for the Authorization: Bearer header"));
        properties.put("token_type", string(null).enumeration(List.<Object>of("Bearer")));
        properties.put("expires_in", integer("Seconds the access token works"));
        properties.put("refresh_token", string("One-time refresh token; absent for API keys"));
        return object(List.of("access_token", "token_type", "expires_in"), properties)
                .description("OAuth 2.0 token response (RFC 6749 section 5.1)");
    }
}
