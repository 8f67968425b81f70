package io.lotabots.attestation.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.platform.refusal.FieldProblem;
import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ModelSubmissionReaderTest {

    private static final String ID = "0192f3a4-5b6c-7d8e-9f01-23456789abcd";

    @Test
    void readsTheModelAndAnOptionalPolicy() throws Exception {
        var read = ModelSubmissionReader.read(
                Json.createObjectBuilder().add("modelId", ID).add("policy", "p").build());
        assertEquals(UUID.fromString(ID), read.modelId());
        assertEquals("p", read.policy());
        var noPolicy = ModelSubmissionReader.read(
                Json.createObjectBuilder().add("modelId", ID).addNull("policy").build());
        assertNull(noPolicy.policy());
    }

    @Test
    void namesEveryBadField() {
        var invalid = assertThrows(
                ModelSubmissionReader.Invalid.class,
                () -> ModelSubmissionReader.read(Json.createObjectBuilder()
                        .add("modelId", 42)
                        .add("policy", true)
                        .add("extra", 1)
                        .build()));
        assertEquals(List.of("extra", "modelId", "policy"), fields(invalid.problems()));
    }

    @Test
    void refusesMissingAndMalformedIds() {
        for (var body : List.of(
                Json.createObjectBuilder().build(),
                Json.createObjectBuilder().addNull("modelId").build(),
                Json.createObjectBuilder().add("modelId", "abc").build(),
                Json.createObjectBuilder().add("modelId", "1-2-3-4-5").build())) {
            var invalid = assertThrows(ModelSubmissionReader.Invalid.class, () -> ModelSubmissionReader.read(body));
            assertEquals(List.of("modelId"), fields(invalid.problems()), body.toString());
        }
        var blank = assertThrows(
                ModelSubmissionReader.Invalid.class,
                () -> ModelSubmissionReader.read(Json.createObjectBuilder()
                        .add("modelId", ID)
                        .add("policy", " ")
                        .build()));
        assertEquals(List.of("policy"), fields(blank.problems()));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
