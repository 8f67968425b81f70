package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.EkKind;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Base64;

/** Enrols a software TPM's attestation key through the API, as the console tests need a device to show. */
final class DeviceEnrollment {

    private DeviceEnrollment() {}

    /** The enrolled device (201 required), with the TPM's RSA endorsement certificate. */
    static JsonObject enroll(ApiClient admin, String name, SoftwareTpm tpm, AttestationKey ak) {
        var ek = tpm.endorsementKey(EkKind.RSA_2048);
        var enrolled = admin.postJson(
                "/api/v1/devices",
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("ekCertificate", Base64.getEncoder().encodeToString(ek.certificate()))
                        .add("akPublicArea", Base64.getEncoder().encodeToString(ak.publicArea()))
                        .build()
                        .toString());
        assertEquals(201, enrolled.statusCode(), enrolled.body());
        var body = ApiClient.json(enrolled);
        return body.containsKey("device") ? body.getJsonObject("device") : body;
    }
}
