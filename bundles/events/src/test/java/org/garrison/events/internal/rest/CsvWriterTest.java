package org.garrison.events.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plainFieldsAreWrittenAsTheyAreWithCrlfLineEnds() {
        assertEquals("a,b,,c\r\n", write("a", "b", null, "c"));
    }

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n",
                write("a,b", "say \"hi\"", "two\nlines", "cr\rhere"));
    }

    @Test
    void formulaLookalikesAreNeutralisedWithAnApostrophe() {
        assertEquals("'=HYPERLINK(\"\"x\"\"),'+1,'-2,'@SUM(A1),'\tx\r\n".replace("'=HYPERLINK(\"\"x\"\")",
                "\"'=HYPERLINK(\"\"x\"\")\""), write("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx"));
        assertEquals("\"'\rcmd\"", CsvWriter.field("\rcmd"));
        assertEquals("\"'=1,2\"", CsvWriter.field("=1,2"));
        assertEquals("a=b", CsvWriter.field("a=b"));
    }

    private static String write(String... fields) {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(Arrays.asList(fields));
        return out.toString();
    }
}
