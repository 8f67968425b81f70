package io.lotabots.platform.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A console test class's browser: opened on first use, photographed when a test fails (or the one a
 * test {@linkplain #showing shows} instead), closed after the class. Register it as a static
 * {@code @RegisterExtension} field so {@code @BeforeAll} methods can use it.
 */
final class ConsoleSession implements AfterAllCallback, TestWatcher {

    private ConsoleBrowser browser;
    private ConsoleBrowser shown;

    /** The class's browser, started on first use. */
    ConsoleBrowser browser() {
        if (browser == null) {
            try {
                browser = new ConsoleBrowser();
            } catch (IOException e) {
                throw new UncheckedIOException("the console browser did not start", e);
            }
        }
        return browser;
    }

    /** Makes this browser the one photographed when a test fails (while a test drives a second user's). */
    void showing(ConsoleBrowser other) {
        shown = other;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Optional.ofNullable(shown != null ? shown : browser)
                .ifPresent(b ->
                        b.screenshot("failed-" + context.getRequiredTestMethod().getName()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
