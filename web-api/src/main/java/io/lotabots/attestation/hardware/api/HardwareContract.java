package io.lotabots.attestation.hardware.api;

import static io.lotabots.platform.api.openapi.Schemas.arrayOf;
import static io.lotabots.platform.api.openapi.Schemas.file;
import static io.lotabots.platform.api.openapi.Schemas.object;
import static io.lotabots.platform.api.openapi.Schemas.ref;
import static io.lotabots.platform.api.openapi.Schemas.string;

import io.lotabots.platform.api.openapi.ContractContribution;
import io.lotabots.platform.api.openapi.ContractShapes;
import io.lotabots.platform.api.openapi.HandBuiltBodies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Hardware attestation's bodies in the API contract: the nonce request and the evidence, as JSON and
 * as the files tpm2-tools wrote, which {@link HardwareAttestationResource} reads by hand.
 */
public class HardwareContract implements ContractContribution {

    static final String HARDWARE_EVIDENCE = "HardwareEvidence";
    static final String HARDWARE_EVIDENCE_FILES = "HardwareEvidenceFiles";

    @Override
    public Map<String, Schema> shapes() {
        var shapes = new LinkedHashMap<String, Schema>();
        shapes.put(HARDWARE_EVIDENCE, hardwareEvidence());
        shapes.put(HARDWARE_EVIDENCE_FILES, hardwareEvidenceFiles());
        return shapes;
    }

    @Override
    public boolean describe(Operation operation) {
        switch (operation.getOperationId()) {
            case "issueHardwareNonce" -> {
                HandBuiltBodies.request(operation, HandBuiltBodies.JSON, ref(ContractShapes.NONCE_REQUEST));
                operation.getRequestBody().required(false);
                HandBuiltBodies.response(operation, "201", ref(ContractShapes.NONCE));
                return true;
            }
            case "submitHardwareEvidence" -> {
                HandBuiltBodies.request(operation, HandBuiltBodies.JSON, ref(HARDWARE_EVIDENCE));
                HandBuiltBodies.request(operation, HandBuiltBodies.MULTIPART, ref(HARDWARE_EVIDENCE_FILES));
                HandBuiltBodies.jsonFirst(operation);
                operation.getRequestBody().required(true);
                HandBuiltBodies.response(operation, "202", ref(ContractShapes.SUBMISSION_ACCEPTED));
                return true;
            }
            default -> {
                return false;
            }
        }
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
}
