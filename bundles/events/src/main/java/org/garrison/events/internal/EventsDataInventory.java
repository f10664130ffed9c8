package org.garrison.events.internal;

import java.util.List;
import java.util.Locale;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * What the event store holds, for the data inventory, by where events come from. All of them share one table and one
 * retention; this component reads the retention configuration, so the inventory states the limits in force.
 */
@Component(configurationPid = EventsConfig.PID)
public class EventsDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;
    private static final String STORAGE = "EVENT_LOG";

    private volatile List<DataItem> items;

    @Activate
    public EventsDataInventory(EventsConfig config) {
        this(config.maxEvents(), config.maxAgeDays());
    }

    EventsDataInventory(long maxEvents, int maxAgeDays) {
        items = items(maxEvents, maxAgeDays);
    }

    @Modified
    void modified(EventsConfig config) {
        items = items(config.maxEvents(), config.maxAgeDays());
    }

    @Override
    public List<DataItem> dataItems() {
        return items;
    }

    private static List<DataItem> items(long maxEvents, int maxAgeDays) {
        String retention = String.format(Locale.ROOT, "the newest %,d events of all kinds together, none older than "
                + "%d days (maxEvents and maxAgeDays of %s)", maxEvents, maxAgeDays, EventsConfig.PID);
        return List.of(
                new DataItem("event.agent-events", OWNER, "Events of the Network Agent",
                        "What the agent reports about itself: started, stopped, outbox full, clock skew, "
                                + "instruction failed; with time, device, group, type, severity and payload.",
                        DataOrigin.AGENT, STORAGE + " (SOURCE 'core')", false, false, retention),
                new DataItem("event.application-events", OWNER, "Events of managed applications",
                        "What managed applications report through the agent (e.g. threat detected, databases "
                                + "outdated), and events integrations record through the API under their own "
                                + "source: time, device, group, type, severity, text and payload. Personal data: "
                                + "texts and payloads may name users, files and addresses.",
                        DataOrigin.APPLICATION, STORAGE + " (SOURCE = the application id)", true, false, retention),
                new DataItem("event.server-events", OWNER, "Events of the server",
                        "What the server records about devices: added, removed, moved to another group, inactive, "
                                + "status changed; the payload of added and removed devices holds the device's "
                                + "display name.",
                        DataOrigin.SERVER, STORAGE + " (SOURCE 'core')", false, false, retention));
    }
}
