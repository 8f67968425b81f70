package io.lotabots.attestation.model.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicKeyHintTest {

    @Test
    void hintOfModelSigningsTestKeyIsItsPublishedHint() throws Exception {
        String file = Files.readString(ModelTransparencyVectorsTest.vector("keys/certificate/signing-key-pub.pem"));
        PublicKey key =
                SignatureTrust.fromPem(List.of(file), List.of()).publicKeys().get(0);

        assertEquals("e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e", PublicKeyHint.of(key));
    }

    @Test
    void canonicalPemHasLinesOf64CharactersEndingInLf() {
        String pem = PublicKeyHint.canonicalPem(
                TestSigningKeys.generate(EcdsaCurve.P521).getPublic().getEncoded());

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"));
        String[] lines = pem.split("\n");
        for (int i = 1; i < lines.length - 2; i++) {
            assertEquals(64, lines[i].length());
        }
        assertTrue(lines[lines.length - 2].length() <= 64);
        assertTrue(!pem.contains("\r"));
    }
}
