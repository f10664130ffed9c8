package org.garrison.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.audit.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditLogCsvTest {

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertEquals("plain", AuditLogCsv.field("plain"));
        assertEquals("\"a,b\"", AuditLogCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditLogCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditLogCsv.field("two\nlines"));
        assertEquals("", AuditLogCsv.field(""));
    }

    @Test
    void cellsASpreadsheetWouldTakeForAFormulaStartWithAnApostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditLogCsv.field("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AuditLogCsv.field("+1"));
        assertEquals("'-2", AuditLogCsv.field("-2"));
        assertEquals("'@SUM(A1)", AuditLogCsv.field("@SUM(A1)"));
        assertEquals("'\tx", AuditLogCsv.field("\tx"));
        assertEquals("\"'=1,2\"", AuditLogCsv.field("=1,2"));
    }

    @Test
    void anEntryIsOneCrlfTerminatedRecordAfterTheHeader() {
        StringWriter out = new StringWriter();
        AuditLogCsv csv = new AuditLogCsv(out);
        csv.header();
        csv.entry(new AuditEntry(UUID.fromString("3f2c1a9e-8d4b-4c3e-9a7f-0b1c2d3e4f50"),
                Instant.parse("2026-11-26T10:00:00Z"), new Actor(ActorKind.ACCOUNT, "a-1", "=evil, inc"),
                "DELETE /devices/{id}", "device", "d-1", "::1", 403, null));
        assertEquals("id,at,actorKind,actorId,actorName,action,objectType,objectId,remoteAddress,status,outcome\r\n"
                + "3f2c1a9e-8d4b-4c3e-9a7f-0b1c2d3e4f50,2026-11-26T10:00:00Z,ACCOUNT,a-1,\"'=evil, inc\","
                + "DELETE /devices/{id},device,d-1,::1,403,denied\r\n", out.toString());
    }
}
