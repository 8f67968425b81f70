package io.lotabots.document.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentMetadataTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> fields(String text) {
        var refusal = assertThrows(Refusal.class, () -> DocumentMetadata.of(json(text), "metadata."));
        return refusal.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void readsTitleTagsAndAttributesWithDuplicateTagsOnce() {
        var m = DocumentMetadata.of(
                json("{\"title\":\" Card \",\"tags\":[\"a\",\"b\",\"a\"],\"attributes\":{\"x\":1}}"), "");
        assertEquals("Card", m.title());
        assertEquals(List.of("a", "b"), m.tags());
        assertEquals(json("{\"x\":1}"), m.attributes());
    }

    @Test
    void tagsAndAttributesAreOptional() {
        var m = DocumentMetadata.of(json("{\"title\":\"t\"}"), "");
        assertEquals(List.of(), m.tags());
        assertEquals(json("{}"), m.attributes());
    }

    @Test
    void namesEveryFieldAtFault() {
        assertEquals(List.of("metadata.title"), fields("{}"));
        assertEquals(List.of("metadata.title"), fields("{\"title\":\"  \"}"));
        assertEquals(List.of("metadata.title"), fields("{\"title\":7}"));
        assertEquals(List.of("metadata.tags[1]"), fields("{\"title\":\"t\",\"tags\":[\"a\",3]}"));
        assertEquals(List.of("metadata.tags"), fields("{\"title\":\"t\",\"tags\":\"a\"}"));
        assertEquals(List.of("metadata.attributes"), fields("{\"title\":\"t\",\"attributes\":[1]}"));
        assertEquals(List.of("metadata.attributes"), fields("{\"title\":\"t\",\"attributes\":{\"a\":\"\\u0000\"}}"));
        assertEquals(List.of("metadata.owner"), fields("{\"title\":\"t\",\"owner\":\"x\"}"));
        assertEquals(List.of("metadata.title"), fields("{\"title\":\"" + "x".repeat(301) + "\"}"));
    }
}
