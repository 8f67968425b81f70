package io.lotabots.platform.console;

import java.util.Objects;

/** One RFC 4180 CSV field as the console's exports write it: always quoted, spreadsheet formulas defused. */
public final class CsvField {

    private CsvField() {}

    public static String of(Object value) {
        String text = value == null ? "" : Objects.toString(value);
        // a leading =, +, - or @ would run as a formula in a spreadsheet
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
