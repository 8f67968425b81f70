package io.lotabots.attestation.hardware.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceDocumentTest {

    private static HardwareEvidence evidence() {
        return new HardwareEvidence(
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
                new byte[] {(byte) 0xff, 0x54, 0x43, 0x47},
                new byte[] {0, 0x18},
                new byte[] {9},
                PcrsFormat.VALUES,
                "sha256:0,1",
                "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n",
                null,
                null,
                new byte[] {0x30},
                List.of(new byte[] {1}, new byte[] {2}),
                null,
                "7d3c1e0a-52f4-4c0e-9a4e-1f0c2b3a4d5e");
    }

    @Test
    void readsBackEveryPartItWrote() {
        var back = EvidenceDocument.read(EvidenceDocument.of(evidence()));

        assertArrayEquals(evidence().nonce(), back.nonce());
        assertArrayEquals(evidence().quote(), back.quote());
        assertArrayEquals(evidence().signature(), back.signature());
        assertArrayEquals(evidence().pcrs(), back.pcrs());
        assertEquals(PcrsFormat.VALUES, back.pcrsFormat());
        assertEquals("sha256:0,1", back.pcrSelection());
        assertEquals(evidence().akPublicKeyPem(), back.akPublicKeyPem());
        assertNull(back.akPublicArea());
        assertArrayEquals(new byte[] {0x30}, back.ekCertificate());
        assertEquals(2, back.certificateChain().size());
        assertArrayEquals(new byte[] {2}, back.certificateChain().get(1));
        assertNull(back.eventLog());
        assertEquals(evidence().deviceId(), back.deviceId());
    }

    @Test
    void isCanonicalSoTheSameEvidenceHasTheSameDigest() {
        String doc = new String(EvidenceDocument.of(evidence()), StandardCharsets.UTF_8);

        assertEquals(doc, new String(EvidenceDocument.of(evidence()), StandardCharsets.UTF_8));
        assertTrue(doc.startsWith("{\"akPublicKey\":"), doc);
        assertTrue(!doc.contains(" "), "no whitespace: " + doc);
        assertTrue(doc.contains("\"quote\":\"/1RDRw==\""), doc);
    }

    @Test
    void refusesADocumentOfAnotherFormat() {
        assertThrows(
                IllegalArgumentException.class,
                () -> EvidenceDocument.read("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                IllegalArgumentException.class, () -> EvidenceDocument.read("[]".getBytes(StandardCharsets.UTF_8)));
    }
}
