package io.lotabots.attestation.model.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private final JsonFields json = new JsonFields("rule.test", "the test document");

    @Test
    void contentAfterTheObjectIsRefused() {
        SignatureRejection e = assertThrows(SignatureRejection.class, () -> parse("{} {}"));

        assertEquals("rule.test", e.rule());
    }

    @Test
    void nestingIsBoundedButBracketsInStringsDoNotCount() throws Exception {
        String deep = "{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}";
        String tooDeep = "{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}";

        assertEquals(1, parse(deep).size());
        assertThrows(SignatureRejection.class, () -> parse(tooDeep));
        assertEquals(1, parse("{\"a\": \"" + "[{\\\"".repeat(100) + "\"}").size());
    }

    @Test
    void nullMembersReadAsAbsent() throws Exception {
        JsonObject object = parse("{\"keyid\": null, \"flag\": null}");

        assertNull(json.optionalString(object, "keyid", "keyid"));
        assertEquals(false, json.optionalBoolean(object, "flag", "flag"));
        assertThrows(SignatureRejection.class, () -> json.string(object, "keyid", "keyid"));
    }

    @Test
    void base64InEitherAlphabetWithOrWithoutPadding() throws Exception {
        JsonObject object = parse("{\"a\": \"+/8=\", \"b\": \"-_8\", \"c\": \"+/8\"}");

        for (String name : new String[] {"a", "b", "c"}) {
            byte[] bytes = json.base64(object, name, name);
            assertEquals(2, bytes.length);
            assertEquals((byte) 0xfb, bytes[0]);
        }
        assertThrows(SignatureRejection.class, () -> json.base64(parse("{\"d\": \"+_8=\"}"), "d", "d"));
    }

    private JsonObject parse(String text) throws SignatureRejection {
        return json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }
}
