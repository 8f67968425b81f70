package io.lotabots.attestation.hardware.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.hardware.tpm.EventLogBuilder;
import io.lotabots.attestation.hardware.tpm.Marshalled;
import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.attestation.hardware.tpm.PemPublicKey;
import io.lotabots.attestation.hardware.tpm.TestAuthority;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.EkKind;
import io.lotabots.testkit.tpm.Quote;
import io.lotabots.testkit.tpm.SoftwareTpm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier on real evidence: quotes made by a software TPM (swtpm) with tpm2-tools, exactly as a
 * bot operator makes them, and real evidence altered the way an attacker would.
 */
class RealTpmQuoteTest {

    private static final String PCRS = "sha256:0,1,2,3,4,5,6,7";
    private static final HardwareVerifier VERIFIER = new HardwareVerifier();

    private static SoftwareTpm tpm;
    private static AttestationKey ecc;
    private static AttestationKey rsassa;
    private static AttestationKey rsapss;
    private static byte[] eventLog;
    private static Map<String, Set<String>> goldenValues;
    private static X509Certificate ekRoot;
    private static byte[] ekIssuingCa;
    private static byte[] ekCertificate;

    @BeforeAll
    static void bootAMachine() {
        tpm = SoftwareTpm.start();
        ecc = tpm.createAttestationKey(AkKind.ECC_P256);
        rsassa = tpm.createAttestationKey(AkKind.RSA_2048_RSASSA);
        rsapss = tpm.createAttestationKey(AkKind.RSA_2048_RSAPSS);
        var log = EventLogBuilder.withBanks(TpmHash.SHA256);
        measure(log, 0, "firmware");
        measure(log, 4, "shimx64.efi");
        measure(log, 4, "grubx64.efi");
        measure(log, 7, "SecureBoot=1");
        eventLog = log.build();
        goldenValues = new HashMap<>();
        tpm.readPcrs("sha256", 0, 1, 2, 3, 4, 5, 6, 7)
                .forEach((index, value) -> goldenValues.put("sha256:" + index, Set.of(Hex.of(value))));
        var cas = tpm.endorsementCaCertificates();
        ekRoot = Certificates.parse(cas.get(0)).get(0);
        ekIssuingCa = cas.get(cas.size() - 1).getBytes(StandardCharsets.US_ASCII);
        ekCertificate = tpm.endorsementKey(EkKind.RSA_2048).certificate();
    }

    @AfterAll
    static void shutDown() {
        tpm.close();
    }

    /** Firmware's way: extend the PCR with the event's digest and log the event. */
    private static void measure(EventLogBuilder log, int pcr, String event) {
        var data = event.getBytes(StandardCharsets.UTF_8);
        log.measure(pcr, EventLogBuilder.EV_EFI_BOOT_SERVICES_APPLICATION, data);
        tpm.extendPcr("sha256", pcr, TpmHash.SHA256.digest(data));
    }

    private static byte[] nonce(int seed) {
        return Marshalled.filled(32, seed);
    }

    /** The evidence a bot sends: tpm2-tools output, unchanged, with the event log and EK certificate. */
    private static final class Submission {
        byte[] nonce;
        byte[] quote;
        byte[] signature;
        byte[] pcrs;
        PcrsFormat format = PcrsFormat.SERIALIZED;
        String selection;
        String pem;
        byte[] area;
        byte[] akCertificate;
        byte[] log = eventLog;

        Submission(AttestationKey ak, Quote quote, byte[] nonce) {
            this.nonce = nonce;
            this.quote = quote.message();
            this.signature = quote.signature();
            this.pcrs = quote.pcrs();
            this.pem = ak.publicPem();
            this.area = ak.publicArea();
            if (quote.pcrsFormat().equals("values")) {
                format = PcrsFormat.VALUES;
                selection = quote.pcrSelection();
            }
        }

        HardwareEvidence evidence() {
            return new HardwareEvidence(
                    nonce,
                    quote,
                    signature,
                    pcrs,
                    format,
                    selection,
                    pem,
                    area,
                    akCertificate,
                    ekCertificate,
                    List.of(ekIssuingCa),
                    log,
                    null);
        }
    }

    /** The strict policy: golden values, event log required, the TPM maker's EK CA, the device enrolled. */
    private static Inputs strictInputs(AttestationKey enrolled) {
        var inputs = Inputs.permissive();
        inputs.now = Instant.now();
        inputs.referenceValues = goldenValues;
        inputs.eventLogRequired = true;
        inputs.trustedEkCas = List.of(ekRoot);
        inputs.enrolledDeviceRequired = true;
        inputs.device = new EnrolledDevice(UUID.randomUUID(), true, enrolled.name(), enrolled.publicArea(), null);
        return inputs;
    }

    private static Submission quoted(AttestationKey ak, int seed) {
        return new Submission(ak, tpm.quote(ak, nonce(seed), PCRS), nonce(seed));
    }

    private static HardwareReport verify(Submission submission, Inputs inputs) {
        return VERIFIER.verify(submission.evidence(), inputs.build());
    }

    private static void assertAffirming(HardwareReport report) {
        assertEquals(List.of(), report.reasons(), () -> describe(report));
        for (var check : report.checks()) {
            if (!check.name().equals(AkCertificateCheck.NAME) && !check.name().equals(ClockCheck.NAME)) {
                assertEquals(CheckOutcome.PASSED, check.outcome(), check.name() + ": " + check.detail());
            }
        }
    }

    private static void assertRejectedFor(HardwareReport report, ReasonCode... reasons) {
        assertEquals(List.of(reasons), report.reasons(), () -> describe(report));
    }

    private static String describe(HardwareReport report) {
        var lines = new ArrayList<String>();
        report.checks().forEach(c -> lines.add(c.name() + " " + c.outcome() + " " + c.reason() + ": " + c.detail()));
        return String.join("\n", lines);
    }

    @Test
    void anEccP256EcdsaQuotePassesEveryCheck() {
        var report = verify(quoted(ecc, 1), strictInputs(ecc));

        assertAffirming(report);
        assertNotNull(report.verifiedClock());
        assertEquals(Hex.of(ecc.name()), report.claims().getJsonObject("ak").getString("name"));
        assertEquals(PCRS, report.claims().getString("pcrSelection"));
        assertEquals(
                goldenValues.get("sha256:7").iterator().next(),
                report.claims().getJsonObject("pcrs").getString("sha256:7"));
    }

    @Test
    void anRsa2048RsassaQuotePassesEveryCheck() {
        assertAffirming(verify(quoted(rsassa, 2), strictInputs(rsassa)));
    }

    @Test
    void anRsa2048RsapssQuotePassesEveryCheck() {
        assertAffirming(verify(quoted(rsapss, 3), strictInputs(rsapss)));
    }

    @Test
    void aQuoteWithTheValuesPcrFilePasses() {
        var submission = new Submission(ecc, tpm.quote(ecc, nonce(4), PCRS, "values"), nonce(4));

        assertAffirming(verify(submission, strictInputs(ecc)));
    }

    @Test
    void aQuoteOverTwoBanksPassesInBothPcrFileFormats() {
        var selection = "sha1:0,1,2,7+sha256:0,4,7";
        var inputs = strictInputs(rsassa);
        inputs.pcrSelection = "sha256:0,4,7+sha1:0,1,2,7";
        inputs.referenceValues = Map.of("sha256:7", goldenValues.get("sha256:7"));

        for (var format : List.of("serialized", "values")) {
            var submission = new Submission(rsassa, tpm.quote(rsassa, nonce(27), selection, format), nonce(27));
            submission.selection = selection;

            assertAffirming(verify(submission, inputs));
        }
    }

    @Test
    void aCertifiedAkPassesTheAkCertificateCheck() throws Exception {
        var akCa = TestAuthority.root("AK CA");
        var submission = quoted(ecc, 5);
        submission.akCertificate =
                akCa.leaf("ak", PemPublicKey.parse(ecc.publicPem())).getEncoded();
        var inputs = strictInputs(ecc);
        inputs.trustedAkCas = List.of(akCa.certificate);

        var report = verify(submission, inputs);

        assertAffirming(report);
        assertEquals(CheckOutcome.PASSED, report.checks().get(10).outcome());
    }

    @Test
    void aTruncatedQuoteIsMalformed() {
        var submission = quoted(ecc, 6);
        submission.quote = Arrays.copyOf(submission.quote, 140);

        var report = verify(submission, strictInputs(ecc));

        assertTrue(report.reasons().contains(ReasonCode.MALFORMED_EVIDENCE), () -> describe(report));
        assertNull(report.verifiedClock());
    }

    @Test
    void aQuoteWithItsMagicChangedHasABadMagicAndNoValidSignature() {
        var submission = quoted(ecc, 7);
        submission.quote[0] = 0x00;

        assertRejectedFor(verify(submission, strictInputs(ecc)), ReasonCode.BAD_MAGIC, ReasonCode.SIGNATURE_INVALID);
    }

    @Test
    void aCertifyStructureSignedByTheAkIsNotAQuote() throws Exception {
        var handle = ecc.context().toString();
        tpm.tpm2("certify", "-c", handle, "-C", handle, "-g", "sha256", "-o", "certify.attest", "-s", "certify.sig");
        var submission = quoted(ecc, 8);
        submission.quote = Files.readAllBytes(tpm.workDir().resolve("certify.attest"));
        submission.signature = Files.readAllBytes(tpm.workDir().resolve("certify.sig"));

        var report = verify(submission, strictInputs(ecc));

        assertRejectedFor(report, ReasonCode.WRONG_ATTEST_TYPE, ReasonCode.NONCE_MISMATCH);
        assertEquals(CheckOutcome.PASSED, report.checks().get(4).outcome(), "the TPM did sign it");
    }

    @Test
    void aQuoteByAnUnrestrictedSigningKeyHasInvalidAkAttributes() {
        tpm.tpm2("createprimary", "-C", "o", "-c", "owner.ctx");
        tpm.tpm2(
                "create",
                "-C",
                "owner.ctx",
                "-G",
                "ecc",
                "-u",
                "plain.pub",
                "-r",
                "plain.priv",
                "-a",
                "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|sign");
        tpm.tpm2("load", "-C", "owner.ctx", "-u", "plain.pub", "-r", "plain.priv", "-c", "plain.ctx");
        tpm.tpm2("evictcontrol", "-C", "o", "-c", "plain.ctx", "0x81010200");
        tpm.tpm2("readpublic", "-c", "0x81010200", "-o", "plain.tpm2b", "-f", "pem", "-n", "plain.name");
        tpm.tpm2("readpublic", "-c", "0x81010200", "-o", "plain.area");
        var plain = new AttestationKey(
                AkKind.ECC_P256,
                EkKind.RSA_2048,
                Path.of("0x81010200"),
                read("plain.area"),
                new String(read("plain.tpm2b"), StandardCharsets.US_ASCII),
                read("plain.name"));

        var report = verify(quoted(plain, 9), strictInputs(plain));

        assertRejectedFor(report, ReasonCode.AK_ATTRIBUTES_INVALID);
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(tpm.workDir().resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aQuoteWithAByteChangedAfterSigningHasAnInvalidSignature() {
        var submission = quoted(rsassa, 10);
        submission.quote[100] ^= 0x01; // the low byte of firmwareVersion

        assertRejectedFor(verify(submission, strictInputs(rsassa)), ReasonCode.SIGNATURE_INVALID);
    }

    @Test
    void aQuoteVerifiedWithAForeignAkHasAnInvalidSignatureAndIsNotTheDevices() {
        var submission = quoted(ecc, 11);
        submission.pem = rsassa.publicPem();
        submission.area = rsassa.publicArea();

        assertRejectedFor(
                verify(submission, strictInputs(ecc)), ReasonCode.SIGNATURE_INVALID, ReasonCode.DEVICE_NOT_ENROLLED);
    }

    @Test
    void aGenuineQuoteFromAnotherAkThanTheEnrolledOneIsNotTheDevices() {
        assertRejectedFor(verify(quoted(rsassa, 12), strictInputs(ecc)), ReasonCode.DEVICE_NOT_ENROLLED);
    }

    @Test
    void aQuoteOverAnotherNonceIsAMismatch() {
        var submission = quoted(ecc, 13);
        submission.nonce = nonce(14);

        assertRejectedFor(verify(submission, strictInputs(ecc)), ReasonCode.NONCE_MISMATCH);
    }

    @Test
    void unknownExpiredAndReusedNoncesAreRefusedEvenOnAGenuineQuote() {
        var genuine = quoted(ecc, 15);
        var inputs = strictInputs(ecc);

        inputs.nonceStatus = NonceConsumption.UNKNOWN;
        assertRejectedFor(verify(genuine, inputs), ReasonCode.NONCE_UNKNOWN);
        inputs.nonceStatus = NonceConsumption.EXPIRED;
        assertRejectedFor(verify(genuine, inputs), ReasonCode.NONCE_EXPIRED);
        inputs.nonceStatus = NonceConsumption.REUSED;
        assertRejectedFor(verify(genuine, inputs), ReasonCode.NONCE_REUSED);
    }

    @Test
    void aQuoteOfFewerPcrsThanThePolicyRequiresIsASelectionMismatch() {
        var submission = new Submission(ecc, tpm.quote(ecc, nonce(16), "sha256:0,1,2,3"), nonce(16));
        var inputs = strictInputs(ecc);
        inputs.referenceValues = Map.of();

        assertRejectedFor(verify(submission, inputs), ReasonCode.PCR_SELECTION_MISMATCH);
    }

    @Test
    void aPcrFileAlteredAfterTheQuoteIsADigestMismatch() {
        var submission = quoted(ecc, 17);
        submission.pcrs[142] ^= 0x01;

        var report = verify(submission, strictInputs(ecc));

        assertRejectedFor(
                report,
                ReasonCode.PCR_DIGEST_MISMATCH,
                ReasonCode.EVENTLOG_REPLAY_MISMATCH,
                ReasonCode.PCR_POLICY_VIOLATION);
    }

    @Test
    void anEventLogThatDoesNotReplayToTheQuotedPcrsIsAReplayMismatch() {
        var submission = quoted(ecc, 18);
        submission.log = EventLogBuilder.withBanks(TpmHash.SHA256)
                .measure(0, EventLogBuilder.EV_EFI_BOOT_SERVICES_APPLICATION, "firmware".getBytes())
                .measure(4, EventLogBuilder.EV_EFI_BOOT_SERVICES_APPLICATION, "grubx64.efi".getBytes())
                .build();

        assertRejectedFor(verify(submission, strictInputs(ecc)), ReasonCode.EVENTLOG_REPLAY_MISMATCH);
    }

    @Test
    void aTruncatedEventLogIsMalformed() {
        var submission = quoted(ecc, 19);
        submission.log = Arrays.copyOf(eventLog, eventLog.length - 3);

        assertRejectedFor(verify(submission, strictInputs(ecc)), ReasonCode.EVENTLOG_MALFORMED);
    }

    @Test
    void aPcrOutsideTheGoldenValuesIsAPolicyViolation() {
        var inputs = strictInputs(ecc);
        var golden = new HashMap<>(goldenValues);
        golden.put("sha256:4", Set.of("00".repeat(32)));
        inputs.referenceValues = golden;

        assertRejectedFor(verify(quoted(ecc, 20), inputs), ReasonCode.PCR_POLICY_VIOLATION);
    }

    @Test
    void anEkCertificateFromAnotherManufacturerIsUntrusted() {
        var inputs = strictInputs(ecc);
        inputs.trustedEkCas = List.of(TestAuthority.root("another TPM maker").certificate);

        assertRejectedFor(verify(quoted(ecc, 21), inputs), ReasonCode.EK_CERT_UNTRUSTED);
    }

    @Test
    void anAkCertificateFromAnUntrustedCaOrForAnotherAkIsRefused() throws Exception {
        var akCa = TestAuthority.root("AK CA");
        var inputs = strictInputs(ecc);
        inputs.trustedAkCas = List.of(akCa.certificate);

        var rogue = quoted(ecc, 22);
        rogue.akCertificate = TestAuthority.root("rogue")
                .leaf("ak", PemPublicKey.parse(ecc.publicPem()))
                .getEncoded();
        assertRejectedFor(verify(rogue, inputs), ReasonCode.AK_CERT_UNTRUSTED);

        var other = quoted(ecc, 23);
        other.akCertificate =
                akCa.leaf("ak", PemPublicKey.parse(rsassa.publicPem())).getEncoded();
        assertRejectedFor(verify(other, inputs), ReasonCode.AK_CERT_MISMATCH);
    }

    @Test
    void aQuoteOlderThanOneAlreadySeenFromTheDeviceIsAClockRegression() {
        var older = quoted(ecc, 24);
        var newer = verify(quoted(ecc, 25), strictInputs(ecc)).verifiedClock();
        var inputs = strictInputs(ecc);
        inputs.device = new EnrolledDevice(UUID.randomUUID(), true, ecc.name(), ecc.publicArea(), newer);

        var report = verify(older, inputs);

        assertRejectedFor(report, ReasonCode.CLOCK_REGRESSION);
        assertNotNull(report.verifiedClock());
    }

    @Test
    void aNamedDeviceThatIsNotEnrolledIsRefused() {
        var inputs = strictInputs(ecc);
        inputs.device = null;
        inputs.deviceNamed = true;

        assertRejectedFor(verify(quoted(ecc, 26), inputs), ReasonCode.DEVICE_NOT_ENROLLED);
    }
}
