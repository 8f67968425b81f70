package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.accepted;
import static io.lotabots.attestation.AttestationApi.awaitVerdict;
import static io.lotabots.attestation.AttestationApi.submit;
import static io.lotabots.attestation.HardwareCalls.DEVICES;
import static io.lotabots.attestation.HardwareCalls.activation;
import static io.lotabots.attestation.HardwareCalls.base64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.EkKind;
import io.lotabots.testkit.tpm.Quote;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole Keylime-style path through the API: a device enrolled and activated with a real TPM,
 * then its quotes. Only an anchored AK earns an affirming verdict; a plain AK gets a warning.
 */
class EnrolledDeviceAttestationIT {

    private static SoftwareTpm tpm;
    private static TestTenant tenant;
    private static ApiClient admin;
    private static AttestationKey enrolledAk;
    private static String deviceId;

    @BeforeAll
    static void anEnrolledDevice() {
        AttestationApi.awaitApplication();
        tpm = SoftwareTpm.start();
        tenant = TestTenant.create("enrolled-device-it");
        admin = tenant.admin();
        enrolledAk = tpm.createAttestationKey(AkKind.ECC_P256, EkKind.RSA_2048);
        var body = Json.createObjectBuilder()
                .add("akPublicArea", base64(enrolledAk.publicArea()))
                .add("ekCertificate", base64(tpm.endorsementKey(EkKind.RSA_2048).certificate()))
                .add("name", "runner")
                .build();
        var enrolled = admin.postJson(DEVICES, body.toString());
        assertEquals(201, enrolled.statusCode(), enrolled.body());
        var device = ApiClient.json(enrolled);
        deviceId = device.getString("id");
        byte[] secret = tpm.activateCredential(enrolledAk, Base64.getDecoder().decode(device.getString("credential")));
        var activated = admin.postJson(DEVICES + "/" + deviceId + "/activation", activation(secret));
        assertEquals(200, activated.statusCode(), activated.body());
    }

    @AfterAll
    static void stopTpm() {
        tpm.close();
    }

    @Test
    void aQuoteOfTheEnrolledDeviceIsAffirmedAndItsTokenSaysTheHardwareIsGenuine() {
        var result = appraise(quote(enrolledAk), enrolledAk, deviceId);

        assertEquals("VERIFIED", result.getString("status"), result.toString());
        assertEquals("AFFIRMING", result.getString("verdict"));
        assertEquals(deviceId, result.getString("deviceId"));
    }

    @Test
    void aQuoteOfAPlainAkPassesWithAWarningOnly() {
        var plain = tpm.createAttestationKey(AkKind.ECC_P256);

        var result = appraise(quote(plain), plain, null);

        assertEquals("VERIFIED", result.getString("status"), result.toString());
        assertEquals("WARNING", result.getString("verdict"));
        assertEquals(List.of(), result.getJsonArray("reasons"));
    }

    @Test
    void aQuoteOfAnotherAkNamingTheDeviceIsRejected() {
        var other = tpm.createAttestationKey(AkKind.ECC_P256);

        var result = appraise(quote(other), other, deviceId);

        assertEquals("REJECTED", result.getString("status"), result.toString());
        assertEquals("CONTRAINDICATED", result.getString("verdict"));
        assertEquals(List.of("DEVICE_NOT_ENROLLED"), reasons(result));
    }

    @Test
    void anOlderQuoteReplayedAfterANewerOneIsAClockRegression() {
        var older = quote(enrolledAk);
        var newer = quote(enrolledAk);

        assertEquals("AFFIRMING", appraise(newer, enrolledAk, deviceId).getString("verdict"));
        var replayed = appraise(older, enrolledAk, deviceId);

        assertEquals("REJECTED", replayed.getString("status"), replayed.toString());
        assertEquals(List.of("CLOCK_REGRESSION"), reasons(replayed));
    }

    /** A quote over a fresh nonce from the server. */
    private static NoncedQuote quote(AttestationKey ak) {
        byte[] nonce = AttestationApi.nonce(admin);
        return new NoncedQuote(nonce, tpm.quote(ak, nonce, TpmEvidence.SELECTION));
    }

    private static JsonObject appraise(NoncedQuote quote, AttestationKey ak, String device) {
        var body = Json.createObjectBuilder(TpmEvidence.json(quote.nonce(), quote.quote(), ak));
        if (device != null) {
            body.add("deviceId", device);
        }
        return awaitVerdict(admin, accepted(submit(admin, body.build())));
    }

    private static List<String> reasons(JsonObject result) {
        return result.getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private record NoncedQuote(byte[] nonce, Quote quote) {}
}
