package io.lotabots.attestation.hardware.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.hardware.tpm.ClockState;
import io.lotabots.attestation.hardware.tpm.EventLogBuilder;
import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import io.lotabots.attestation.hardware.tpm.TestAuthority;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HardwareVerifierTest {

    private static final List<String> ORDER = List.of(
            "parse",
            "magic",
            "attestType",
            "akAttributes",
            "signature",
            "nonce",
            "pcrSelection",
            "pcrDigest",
            "eventLog",
            "pcrPolicy",
            "akCertificate",
            "ekCertificate",
            "deviceEnrollment",
            "clock");

    private final HardwareVerifier verifier = new HardwareVerifier();

    private static List<String> names(HardwareReport report) {
        return report.checks().stream().map(CheckResult::name).toList();
    }

    @Test
    void runsAndReportsEveryCheckInAFixedOrder() {
        var report = verifier.verify(
                SyntheticQuote.ecdsa().evidence(), Inputs.permissive().build());

        assertEquals(ORDER, names(report));
    }

    @Test
    void aGenuineQuoteIsAffirmingWithItsClockVerified() {
        var quote = SyntheticQuote.ecdsa();

        var report = verifier.verify(quote.evidence(), Inputs.permissive().build());

        assertTrue(report.affirming(), report.reasons().toString());
        assertEquals(new ClockState(123_456, 2, 1), report.verifiedClock());
    }

    @Test
    void reportsEveryFailureNotJustTheFirstInCheckOrder() {
        var quote = SyntheticQuote.ecdsa();
        quote.attest.magic = 0;
        quote.signature = quote.sign(
                quote.message(), PublicAreas.newEcKeyPair("secp256r1").getPrivate());
        var inputs = Inputs.permissive();
        inputs.nonceStatus = NonceConsumption.EXPIRED;
        inputs.pcrSelection = "sha256:0";
        inputs.eventLogRequired = true;

        var report = verifier.verify(quote.evidence(), inputs.build());

        assertEquals(
                List.of(
                        ReasonCode.BAD_MAGIC,
                        ReasonCode.SIGNATURE_INVALID,
                        ReasonCode.NONCE_EXPIRED,
                        ReasonCode.PCR_SELECTION_MISMATCH,
                        ReasonCode.EVENTLOG_MALFORMED),
                report.reasons());
        assertEquals(ORDER, names(report));
    }

    @Test
    void neverThrowsOnEmptyEvidence() {
        var nothing =
                new HardwareEvidence(null, null, null, null, null, null, null, null, null, null, null, null, null);

        var report = verifier.verify(nothing, Inputs.permissive().build());

        assertEquals(ORDER, names(report));
        assertEquals(List.of(ReasonCode.MALFORMED_EVIDENCE), report.reasons());
        assertNull(report.verifiedClock());
    }

    @Test
    void neverThrowsOnRandomBytesInEveryPart() {
        var random = new Random(42);
        for (int round = 0; round < 200; round++) {
            var parts = new byte[8][];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = new byte[random.nextInt(700)];
                random.nextBytes(parts[i]);
            }
            var evidence = new HardwareEvidence(
                    parts[0],
                    parts[1],
                    parts[2],
                    parts[3],
                    round % 2 == 0 ? PcrsFormat.SERIALIZED : PcrsFormat.VALUES,
                    "sha256:0,1",
                    new String(parts[4]),
                    parts[5],
                    parts[6],
                    parts[7],
                    List.of(parts[0]),
                    parts[7],
                    "device");

            var report = verifier.verify(evidence, Inputs.permissive().build());

            assertEquals(ORDER, names(report));
            assertFalse(report.affirming());
        }
    }

    @Test
    void aQuoteWhoseSignatureFailsHasNoVerifiedClock() {
        var quote = SyntheticQuote.ecdsa();
        quote.signature = quote.sign(
                quote.message(), PublicAreas.newEcKeyPair("secp256r1").getPrivate());

        assertNull(
                verifier.verify(quote.evidence(), Inputs.permissive().build()).verifiedClock());
    }

    @Test
    void aVerifiedQuoteByAnotherAkThanTheDevicesHasNoVerifiedClockForThatDevice() {
        var quote = SyntheticQuote.ecdsa();
        var inputs = Inputs.permissive();
        var foreign = SyntheticQuote.of(SyntheticQuote.Kind.RSASSA_2048).akPublicArea;
        inputs.device = new EnrolledDevice(
                UUID.randomUUID(), true, TpmPublic.parse(foreign).name(), foreign, null);

        var report = verifier.verify(quote.evidence(), inputs.build());

        assertEquals(List.of(ReasonCode.DEVICE_NOT_ENROLLED), report.reasons());
        assertNull(report.verifiedClock());
    }

    @Test
    void claimsNameWhatTiesTheAkToARealTpm() {
        var quote = SyntheticQuote.ecdsa();
        var ca = TestAuthority.root("AK CA");
        quote.akCertificate = TestAuthority.pem(ca.leaf("ak", quote.keys.getPublic()))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var unanchored = Inputs.permissive();
        var anchored = Inputs.permissive();
        anchored.trustedAkCas = List.of(ca.certificate);
        anchored.device = new EnrolledDevice(
                UUID.randomUUID(), true, TpmPublic.parse(quote.akPublicArea).name(), quote.akPublicArea, null);

        assertEquals(
                0,
                verifier.verify(quote.evidence(), unanchored.build())
                        .claims()
                        .getJsonArray("akAnchors")
                        .size());
        assertEquals(
                List.of("akCertificate", "enrolledDevice"),
                verifier.verify(quote.evidence(), anchored.build())
                        .claims()
                        .getJsonArray("akAnchors")
                        .getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void claimsStateWhatTheQuoteSays() {
        var quote = SyntheticQuote.ecdsa();
        quote.eventLog = EventLogBuilder.withBanks(TpmHash.SHA256)
                .startupLocality(3)
                .measure(0, "crtm")
                .build();

        var claims =
                verifier.verify(quote.evidence(), Inputs.permissive().build()).claims();

        var attest = claims.getJsonObject("quote");
        assertEquals("ff544347", attest.getString("magic"));
        assertEquals("QUOTE", attest.getString("type"));
        assertEquals("123456", attest.getJsonObject("clockInfo").getString("clock"));
        assertEquals(2, attest.getJsonObject("clockInfo").getInt("resetCount"));
        assertEquals("2023010100000001", attest.getString("firmwareVersion"));
        assertEquals(Hex.of(quote.nonce), claims.getString("nonce"));
        assertEquals("sha256:0,1,2,3,4,5,6,7", claims.getString("pcrSelection"));
        assertEquals(
                Hex.of(quote.pcrValues.get(3)), claims.getJsonObject("pcrs").getString("sha256:3"));
        assertEquals("ECDSA", claims.getJsonObject("signature").getString("scheme"));
        assertEquals(
                Hex.of(TpmPublic.parse(quote.akPublicArea).name()),
                claims.getJsonObject("ak").getString("name"));
        assertEquals(2, claims.getJsonObject("eventLog").getInt("events"));
        assertEquals(3, claims.getJsonObject("eventLog").getInt("startupLocality"));
        assertNotNull(claims.getJsonObject("ak").getString("publicKeySha256"));
    }
}
