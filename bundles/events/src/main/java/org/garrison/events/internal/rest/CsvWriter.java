package org.garrison.events.internal.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: comma-separated fields, CRLF line ends, fields holding a comma, quote or line break in
 * double quotes with inner quotes doubled. A field that a spreadsheet would read as a formula (starting with
 * {@code = + - @}, tab or carriage return) gets a leading apostrophe, so opening an export cannot run anything an
 * event producer slipped into a description.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one record. {@code null} fields are written empty. */
    public void row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field, neutralised and quoted as needed. */
    public static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = isFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean isFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
