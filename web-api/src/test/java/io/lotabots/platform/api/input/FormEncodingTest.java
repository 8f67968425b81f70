package io.lotabots.platform.api.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.refusal.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormEncodingTest {

    private static List<String> fields(String encoded) {
        return FormEncoding.problems(encoded).stream().map(FieldProblem::field).toList();
    }

    @Test
    void acceptsOrdinaryParameters() {
        assertTrue(fields("grant_type=client_credentials&client_id=abc&x=%C3%A9+y&flag&=&&")
                .isEmpty());
        assertTrue(fields(null).isEmpty());
    }

    @Test
    void namesTheParameterWithABadEscape() {
        assertEquals(List.of("client_id"), fields("grant_type=client_credentials&client_id=%zz"));
        assertEquals(List.of("limit"), fields("limit=%4"));
        assertEquals(List.of("a"), fields("a=%"));
    }

    @Test
    void namesTheParameterHoldingNulOrBadUtf8() {
        assertEquals(List.of("actor"), fields("actor=%00"));
        assertEquals(List.of("actor"), fields("actor=%ff"));
        assertEquals(List.of("actor"), fields("actor=%ED%A0%80"));
    }

    @Test
    void aBadNameIsShownWithoutItsBadCharacters() {
        assertEquals(List.of("a%zz"), fields("a%zz=1"));
        assertEquals(List.of("%00"), fields("%00=1"));
    }

    @Test
    void decodesPlusAsSpace() {
        assertEquals("a b", FormEncoding.decode("a+b"));
        assertThrows(IllegalArgumentException.class, () -> FormEncoding.decode("%G0"));
    }
}
