package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DependencyGridTest {

    @Test
    void keepsPlainDependencyNamesAsTheyAreForElementIds() {
        assertEquals("postgresql", DependencyGrid.slug("postgresql"));
        assertEquals("s3", DependencyGrid.slug("s3"));
    }

    @Test
    void turnsCapitalsAndPunctuationIntoAnHtmlSafeId() {
        assertEquals("postgresql", DependencyGrid.slug("PostgreSQL"));
        assertEquals("s3-primary", DependencyGrid.slug(" S3 (primary) "));
    }
}
