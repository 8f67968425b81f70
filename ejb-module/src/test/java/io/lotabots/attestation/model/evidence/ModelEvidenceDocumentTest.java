package io.lotabots.attestation.model.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ModelEvidenceDocumentTest {

    @Test
    void roundTripsCanonically() {
        var evidence = new ModelEvidenceDocument.ModelEvidence(UUID.randomUUID(), "default", 3);
        byte[] document = ModelEvidenceDocument.of(evidence);
        assertEquals(evidence, ModelEvidenceDocument.read(document));
        assertArrayEquals(document, ModelEvidenceDocument.of(ModelEvidenceDocument.read(document)));
    }

    @Test
    void refusesDocumentsItDidNotWrite() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ModelEvidenceDocument.read("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                IllegalArgumentException.class,
                () -> ModelEvidenceDocument.read("[]".getBytes(StandardCharsets.UTF_8)));
    }
}
