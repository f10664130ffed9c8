package org.garrison.events.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.garrison.api.Page;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventService;
import org.garrison.events.internal.rest.EventFilters;

/**
 * Lists events with the same filters as {@code GET /api/v1/events}.
 */
@Command(scope = "garrison", name = "event-list", description = "Lists events, newest at the bottom")
@Service
public class EventListCommand implements Action {

    @Reference
    private EventService events;

    @Reference
    private Session session;

    @Option(name = "--from", description = "Events that occurred at or after this ISO-8601 instant")
    private String from;

    @Option(name = "--to", description = "Events that occurred before this ISO-8601 instant")
    private String to;

    @Option(name = "-d", aliases = "--device", description = "Events of this device (id)")
    private String device;

    @Option(name = "-g", aliases = "--group", description = "Events of this administration group and its subgroups")
    private String group;

    @Option(name = "-s", aliases = "--severity", multiValued = true,
            description = "critical, functional-failure, warning or info (repeatable)")
    @Completion(SeverityCompleter.class)
    private List<String> severities;

    @Option(name = "-t", aliases = "--type", multiValued = true, description = "Event type (repeatable)")
    private List<String> types;

    @Option(name = "--source", multiValued = true, description = "\"core\" or an application id (repeatable)")
    private List<String> sources;

    @Option(name = "-q", aliases = "--text", description = "Text in the description or type")
    private String text;

    @Option(name = "-n", aliases = "--limit", description = "How many events, at most 1000")
    private int limit = 50;

    @Option(name = "-c", aliases = "--cursor", description = "Continue after a previous listing's cursor")
    private String cursor;

    @Override
    public Object execute() {
        EventQuery query = EventFilters.query(from, to, device, group, severities, types, sources, text);
        Page<Event> page = events.query(query, EventFilters.page(String.valueOf(limit), cursor));
        EventLines.print(page.items(), session.getConsole(), true);
        if (page.hasMore()) {
            session.getConsole().println("More: --cursor " + page.nextCursor());
        }
        return null;
    }
}
