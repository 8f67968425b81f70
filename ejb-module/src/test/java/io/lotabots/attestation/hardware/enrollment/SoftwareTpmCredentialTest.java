package io.lotabots.attestation.hardware.enrollment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.tpm.Certificates;
import io.lotabots.attestation.hardware.tpm.ChainValidation;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.EkKind;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testkit.tpm.TpmCommandException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What this service makes and reads, checked against a real (software) TPM driven by tpm2-tools. */
class SoftwareTpmCredentialTest {

    private static final byte[] SECRET = "a secret the TPM must give back!".getBytes(StandardCharsets.US_ASCII);
    private static SoftwareTpm tpm;
    private final MakeCredential makeCredential = new MakeCredential(new SecureRandom());

    @BeforeAll
    static void manufacture() {
        tpm = SoftwareTpm.start();
    }

    @AfterAll
    static void scrap() {
        tpm.close();
    }

    @Test
    void tpm2ActivatecredentialRecoversTheSecretForAnRsaEk() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256, EkKind.RSA_2048);
        TpmPublic ek = TpmPublic.parse(tpm.endorsementKey(EkKind.RSA_2048).publicArea());

        Credential credential =
                makeCredential.make(ek, TpmPublic.parse(ak.publicArea()).name(), SECRET);

        assertArrayEquals(SECRET, tpm.activateCredential(ak, credential.tpm2ToolsFile()));
    }

    @Test
    void tpm2ActivatecredentialRecoversTheSecretForAnEccEk() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.RSA_2048_RSASSA, EkKind.ECC_P256);
        TpmPublic ek = TpmPublic.parse(tpm.endorsementKey(EkKind.ECC_P256).publicArea());

        Credential credential =
                makeCredential.make(ek, TpmPublic.parse(ak.publicArea()).name(), SECRET);

        assertArrayEquals(SECRET, tpm.activateCredential(ak, credential.tpm2ToolsFile()));
    }

    @Test
    void theTpmRefusesACredentialMadeForAnotherAk() {
        AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256, EkKind.RSA_2048);
        AttestationKey other = tpm.createAttestationKey(AkKind.RSA_2048_RSAPSS, EkKind.RSA_2048);
        TpmPublic ek = TpmPublic.parse(tpm.endorsementKey(EkKind.RSA_2048).publicArea());

        Credential credential =
                makeCredential.make(ek, TpmPublic.parse(other.publicArea()).name(), SECRET);

        assertThrows(TpmCommandException.class, () -> tpm.activateCredential(ak, credential.tpm2ToolsFile()));
    }

    @Test
    void theNameOfAnAkIsTheOneTpm2CreateakPrinted() {
        for (AkKind kind : AkKind.values()) {
            AttestationKey ak = tpm.createAttestationKey(kind);
            TpmPublic area = TpmPublic.parse(ak.publicArea());

            assertArrayEquals(ak.name(), area.name(), kind.name());
            assertTrue(area.attributes().attestationKey(), kind.name());
            assertEquals(PublicKeys.fromPem(ak.publicPem()), area.publicKey(), kind.name());
        }
    }

    @Test
    void theDefaultEkTemplateAroundAKeyIsTheAreaTpm2CreateekMade() {
        for (EkKind kind : EkKind.values()) {
            var endorsement = tpm.endorsementKey(kind);

            TpmPublic fromKey = EkTemplate.of(PublicKeys.fromPem(endorsement.publicPem()));

            assertArrayEquals(endorsement.publicArea(), fromKey.tpm2bPublic(), kind.name());
        }
    }

    @Test
    void theEkCertificateChainsToTheManufacturersCa() {
        X509Certificate ek =
                Certificates.parseOne(tpm.endorsementKey(EkKind.RSA_2048).certificate());
        List<X509Certificate> cas = tpm.endorsementCaCertificates().stream()
                .flatMap(pem -> Certificates.parse(pem).stream())
                .toList();

        ChainValidation trusted =
                Certificates.validate(ek, cas.subList(1, cas.size()), cas.subList(0, 1), Instant.now());

        assertTrue(trusted.trusted(), trusted.detail());
        assertEquals(
                TpmPublic.parse(tpm.endorsementKey(EkKind.RSA_2048).publicArea())
                        .publicKey(),
                ek.getPublicKey());
    }
}
