package org.garrison.events.internal.shell;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.event.Event;

/**
 * How the shell commands print events: one table row per event, oldest at the top like a log.
 */
final class EventLines {

    private static final int DESCRIPTION_WIDTH = 60;

    private EventLines() {
    }

    static ShellTable table() {
        ShellTable table = new ShellTable();
        table.column("Occurred");
        table.column("Severity");
        table.column("Source");
        table.column("Type");
        table.column("Device");
        table.column("Description").maxSize(DESCRIPTION_WIDTH);
        return table;
    }

    static void add(ShellTable table, Event event) {
        table.addRow().addContent(event.occurredAt(), event.severity().wireName(), event.source(), event.type(),
                event.deviceId() == null ? "" : event.deviceId(), event.description().replace('\n', ' '));
    }

    /** Prints events given newest first, oldest at the top. */
    static void print(List<Event> newestFirst, PrintStream out, boolean header) {
        ShellTable table = table();
        if (!header) {
            table.noHeaders();
        }
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            add(table, newestFirst.get(i));
        }
        table.print(out);
    }
}
