package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static String canonical(String json) {
        return new String(CanonicalJson.toBytes(parse(json)), StandardCharsets.UTF_8);
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAsInRfc8785() {
        // RFC 8785, section 3.2.3: the emoji sorts before U+FB33 in UTF-16, after it in code points
        var input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With"
                + " Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";

        assertEquals(
                "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O"
                        + " With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew"
                        + " Letter Dalet With Dagesh\"}",
                canonical(input));
    }

    @Test
    void escapesStringsMinimallyAsInRfc8785() {
        // the "string" member of the RFC 8785 sample in section 3.2.2
        var input = "\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"";

        assertEquals("\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"", canonical(input));
    }

    @Test
    void usesShortEscapesForTheNamedControlCharactersAndLeavesOtherCharactersAlone() {
        var input = Json.createValue("\b\f\n\r\t\u0000\u001f\u007f\u2028é");

        assertEquals(
                "\"\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028é\"",
                new String(CanonicalJson.toBytes(input), StandardCharsets.UTF_8));
    }

    @Test
    void writesNoWhitespaceAndKeepsArrayOrder() {
        var input = "{ \"b\" : [ 3, 1, 2 ],\n \"a\" : { \"z\" : null, \"y\" : true, \"x\" : false } }";

        assertEquals("{\"a\":{\"x\":false,\"y\":true,\"z\":null},\"b\":[3,1,2]}", canonical(input));
    }

    @Test
    void theSameObjectBuiltInAnyOrderHasTheSameBytes() {
        var one = Json.createObjectBuilder()
                .add("actor", "alice")
                .add("action", "login")
                .build();
        var other = Json.createObjectBuilder()
                .add("action", "login")
                .add("actor", "alice")
                .build();

        assertEquals(new String(CanonicalJson.toBytes(one)), new String(CanonicalJson.toBytes(other)));
    }

    @Test
    void writesIntegersAsPlainDigits() {
        assertEquals(
                "[0,0,-7,42,9007199254740991,-9007199254740991]",
                canonical("[0,-0,-7,42,9007199254740991,-9007199254740991]"));
    }

    @Test
    void writesIntegralValuesInOtherNotationsAsPlainDigits() {
        assertEquals("[100,1]", canonical("[1E2,1.000]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "0.002", "-1e-3", "9007199254740992", "-9007199254740992", "1e999999999"})
    void refusesFractionsAndIntegersBeyondTheDoubleSafeRange(String number) {
        var refusal = assertThrows(IllegalArgumentException.class, () -> CanonicalJson.toBytes(parse(number)));
        assertTrue(
                refusal.getMessage().contains("number") || refusal.getMessage().contains("integer"));
    }

    @Test
    void refusesANumberHiddenDeepInAnEvent() {
        var event = parse("{\"detail\":{\"scores\":[1,2,0.5]}}");

        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.toBytes(event));
    }

    @Test
    void refusesALoneSurrogateBecauseItHasNoUtf8Form() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.toBytes(Json.createValue("a\ud800b")));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.toBytes(Json.createValue("\udc00")));
        assertThrows(
                IllegalArgumentException.class,
                () -> CanonicalJson.toBytes(
                        Json.createObjectBuilder().add("\ud83d", 1).build()));
    }

    @Test
    void encodesAsUtf8() {
        assertArrayEquals(
                new byte[] {'"', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, '"'},
                CanonicalJson.toBytes(Json.createValue("😀")));
    }
}
