package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LibertyOverridesTest {

    @TempDir
    Path serverDir;

    @Test
    void writesEveryVariableIntoConfigDropinsOverrides() throws Exception {
        Map<LibertyVariable, String> variables = new EnumMap<>(LibertyVariable.class);
        variables.put(LibertyVariable.DB_URL, "jdbc:postgresql://127.0.0.1:15432/lotabots");
        variables.put(LibertyVariable.DB_PASSWORD, "");
        variables.put(LibertyVariable.S3_PATH_STYLE, "true");

        Path file = LibertyOverrides.write(serverDir, variables);

        assertEquals(serverDir.resolve("configDropins/overrides/dev-services.xml"), file);
        assertEquals(
                Map.of(
                        "lotabots.db.url", "jdbc:postgresql://127.0.0.1:15432/lotabots",
                        "lotabots.db.password", "",
                        "lotabots.s3.path-style", "true"),
                variablesIn(file));
    }

    @Test
    void escapesMarkupQuotesAndLineBreaksSoValuesSurviveParsing() throws Exception {
        String awkward = "a&b<c>\"d'e\nf\tg";

        Path file = LibertyOverrides.write(serverDir, Map.of(LibertyVariable.DB_PASSWORD, awkward));

        assertEquals(awkward, variablesIn(file).get("lotabots.db.password"));
        assertFalse(Files.readString(file).contains("<c>"));
    }

    @Test
    void rejectsCharactersXmlCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> LibertyOverrides.escape("bell\u0007"));
    }

    @Test
    void deletesAStaleFileWhenEverythingIsExternal() throws IOException {
        Path file = LibertyOverrides.write(serverDir, Map.of(LibertyVariable.REDIS_URL, "redis://127.0.0.1:1"));
        assertTrue(Files.exists(file));

        LibertyOverrides.write(serverDir, Map.of());

        assertFalse(Files.exists(file));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        Path file = LibertyOverrides.write(serverDir, Map.of(LibertyVariable.REDIS_URL, "redis://127.0.0.1:1"));

        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }

    private static Map<String, String> variablesIn(Path file) throws Exception {
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("server", document.getDocumentElement().getTagName());
        NodeList elements = document.getElementsByTagName("variable");
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element variable = (Element) elements.item(i);
            variables.put(variable.getAttribute("name"), variable.getAttribute("value"));
        }
        return variables;
    }
}
