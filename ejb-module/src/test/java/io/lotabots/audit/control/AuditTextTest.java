package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class AuditTextTest {

    @Test
    void replacesNulWhichPostgresqlCannotStore() {
        assertEquals("adm\uFFFDin", AuditText.clean("adm\u0000in", 100));
    }

    @Test
    void replacesLoneSurrogatesWhichHaveNoUtf8Form() {
        assertEquals("a\uFFFDb\uFFFD", AuditText.clean("a\uD800b\uDC00", 100));
    }

    @Test
    void keepsSurrogatePairsWhole() {
        assertEquals("ok \uD83D\uDE00", AuditText.clean("ok \uD83D\uDE00", 100));
    }

    @Test
    void cutsLongTextWithoutSplittingAPair() {
        assertEquals("abc", AuditText.clean("abcdef", 3));
        assertEquals("ab", AuditText.clean("ab\uD83D\uDE00", 3));
    }

    @Test
    void leavesNullAlone() {
        assertNull(AuditText.clean((String) null, 10));
    }

    @Test
    void cleansEveryKeyAndStringInsideDetails() {
        var details = Json.createObjectBuilder()
                .add("na\u0000me", "x\u0000")
                .add(
                        "nested",
                        Json.createObjectBuilder()
                                .add(
                                        "list",
                                        Json.createArrayBuilder().add("\uD800").add(5)))
                .add("long", "z".repeat(AuditText.MAX_DETAIL_LENGTH + 10))
                .build();

        var clean = AuditText.clean(details);

        assertEquals("x\uFFFD", clean.getString("na\uFFFDme"));
        assertEquals(
                "\uFFFD", clean.getJsonObject("nested").getJsonArray("list").getString(0));
        assertEquals(5, clean.getJsonObject("nested").getJsonArray("list").getInt(1));
        assertEquals(AuditText.MAX_DETAIL_LENGTH, clean.getString("long").length());
    }
}
