package org.garrison.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.garrison.api.audit.AuditEntry;

/**
 * Writes audit-log entries as RFC 4180 CSV: comma-separated fields, CRLF line ends, fields holding a comma, quote or
 * line break in double quotes with inner quotes doubled. A field that a spreadsheet would read as a formula (starting
 * with {@code = + - @}, tab or carriage return) gets a leading apostrophe: actor names, object ids and addresses come
 * from callers, and opening an export must not run anything one of them slipped in.
 */
final class AuditLogCsv {

    static final List<String> HEADER = List.of("id", "at", "actorKind", "actorId", "actorName", "action",
            "objectType", "objectId", "remoteAddress", "status", "outcome");

    private final Writer out;

    AuditLogCsv(Writer out) {
        this.out = out;
    }

    void header() {
        row(HEADER);
    }

    void entry(AuditEntry entry) {
        row(List.of(entry.id().toString(), entry.at().toString(), entry.actor().kind().name(), entry.actor().id(),
                entry.actor().name(), entry.action(), entry.objectType(), entry.objectId(), entry.remoteAddress(),
                Integer.toString(entry.status()), entry.outcome()));
    }

    private void row(List<String> fields) {
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
    static String field(String value) {
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
