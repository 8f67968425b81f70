package io.lotabots.platform.api.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.platform.refusal.FieldProblem;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonBodyCheckTest {

    record Key(String name, Set<String> roles, Instant expiresAt) {}

    record Outer(@JsonbProperty("when_done") Instant whenDone, List<Key> keys) {}

    private static List<String> refused(String json, Class<?> target) {
        var problem = assertThrows(InvalidInput.class, () -> JsonBodyCheck.check(bytes(json), target));
        return problem.errors().stream().map(FieldProblem::field).toList();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsAWellFormedDocumentWithSurroundingWhitespace() {
        assertDoesNotThrow(() -> JsonBodyCheck.check(
                bytes(
                        " \n{\"name\":\"bot 🤖\",\"roles\":[\"DEVELOPER\"],\"expiresAt\":\"2030-01-01T00:00:00Z\"}\r\n\t"),
                Key.class));
    }

    @Test
    void anEmptyBodyIsLeftToTheBinding() {
        assertDoesNotThrow(() -> JsonBodyCheck.check(bytes("  "), Key.class));
        assertNull(JsonBodyCheck.readObject(bytes("")));
    }

    @Test
    void namesNestedPathsAndReadsSmallObjects() {
        assertEquals(List.of("a.b[2].c"), refused("{\"a\":{\"b\":[1,null,{\"c\":\"\\u0000\"}]}}", Object.class));
        assertEquals(List.of("body[1]"), refused("[\"ok\",\"\\u0000\"]", Object.class));
        assertEquals(32, JsonBodyCheck.readObject(bytes("{\"size\":32}")).getInt("size"));
    }

    @Test
    void namesAFieldHoldingNul() {
        assertEquals(List.of("name"), refused("{\"name\":\"a\\u0000b\"}", Key.class));
        assertEquals(List.of("roles[1]"), refused("{\"roles\":[\"A\",\"\\u0000\"]}", Key.class));
    }

    @Test
    void namesAFieldHoldingALoneSurrogateButAcceptsAPair() {
        assertEquals(List.of("name"), refused("{\"name\":\"\\ud800x\"}", Key.class));
        assertEquals(List.of("name"), refused("{\"name\":\"x\\udc00\"}", Key.class));
        assertDoesNotThrow(() -> JsonBodyCheck.check(bytes("{\"name\":\"\\ud83e\\udd16\"}"), Key.class));
    }

    @Test
    void refusesAMemberNameHoldingNul() {
        assertEquals(1, refused("{\"a\\u0000\":1}", Key.class).size());
    }

    @Test
    void refusesTrailingBytesAfterTheDocument() {
        assertEquals(List.of("body"), refused("{\"name\":\"hi\"} x", Key.class));
        assertEquals(List.of("body"), refused("{\"name\":\"hi\"}{}", Key.class));
        assertEquals(List.of("body"), refused("[1] 2", Object.class));
        assertEquals(List.of("body"), refused("12 13", Object.class));
    }

    @Test
    void refusesInvalidUtf8() {
        var problem = assertThrows(
                InvalidInput.class,
                () -> JsonBodyCheck.check(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}, Key.class));
        assertEquals("body", problem.errors().get(0).field());
    }

    @Test
    void refusesSyntaxErrorsAsMalformed() {
        assertEquals(List.of("body"), refused("{\"name\": ", Key.class));
    }

    @Test
    void anArrayIsNoObject() {
        assertEquals(List.of("body"), refused("[1,2]", JsonObject.class));
        assertEquals(List.of("body"), refused("\"text\"", Key.class));
    }

    @Test
    void refusesInstantsPostgresqlCannotStoreNamingTheField() {
        assertEquals(List.of("expiresAt"), refused("{\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}", Key.class));
        assertEquals(List.of("expiresAt"), refused("{\"expiresAt\":\"-999999999-01-01T00:00:00Z\"}", Key.class));
        assertEquals(List.of("expiresAt"), refused("{\"expiresAt\":12}", Key.class));
        assertEquals(
                List.of("keys[1].expiresAt", "when_done"),
                refused(
                                "{\"when_done\":\"+10000-01-01T00:00:00Z\",\"keys\":[{},{\"expiresAt\":\"0000-12-31T23:59:59Z\"}]}",
                                Outer.class)
                        .stream()
                        .sorted()
                        .toList());
        assertDoesNotThrow(() -> JsonBodyCheck.check(bytes("{\"expiresAt\":\"9999-12-31T23:59:59Z\"}"), Key.class));
    }
}
