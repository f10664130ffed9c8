package org.garrison.events.internal.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.garrison.api.PageRequest;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventService;

/**
 * Prints the latest events and, with {@code -f}, keeps printing new ones until interrupted (Ctrl-C).
 */
@Command(scope = "garrison", name = "event-tail", description = "Prints the latest events; -f follows new ones")
@Service
public class EventTailCommand implements Action {

    /** Events read per poll when following; more arriving within one interval are printed at the next polls. */
    private static final int POLL_SIZE = 500;
    /** Ids remembered to recognise events already printed. */
    private static final int REMEMBERED = 20_000;

    @Reference
    private EventService events;

    @Reference
    private Session session;

    @Option(name = "-n", aliases = "--lines", description = "How many of the latest events to print first")
    private int count = 20;

    @Option(name = "-f", aliases = "--follow", description = "Keep printing new events until Ctrl-C")
    private boolean follow;

    @Option(name = "-i", aliases = "--interval", description = "Seconds between polls when following")
    private int intervalSeconds = 1;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        List<Event> latest = events.query(EventQuery.all(),
                new PageRequest(Math.max(1, Math.min(count, PageRequest.MAX_LIMIT)), null)).items();
        EventLines.print(latest, out, true);
        if (!follow) {
            return null;
        }
        Set<UUID> printed = new LinkedHashSet<>();
        events.query(EventQuery.all(), new PageRequest(POLL_SIZE, null)).items()
                .forEach(event -> printed.add(event.id()));
        try {
            while (!Thread.currentThread().isInterrupted()) {
                TimeUnit.SECONDS.sleep(Math.max(1, intervalSeconds));
                List<Event> fresh = new ArrayList<>();
                for (Event event : events.query(EventQuery.all(), new PageRequest(POLL_SIZE, null)).items()) {
                    if (printed.add(event.id())) {
                        fresh.add(event);
                    }
                }
                if (!fresh.isEmpty()) {
                    EventLines.print(fresh, out, false);
                    out.flush();
                }
                forgetOldest(printed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void forgetOldest(Set<UUID> printed) {
        Iterator<UUID> it = printed.iterator();
        while (printed.size() > REMEMBERED && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
