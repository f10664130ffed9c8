package org.garrison.extender.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.garrison.api.event.Event;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.event.EventTypeProvider;
import org.garrison.api.event.NewEvent;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginListener;
import org.garrison.api.plugin.PluginState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports plugins' lifecycle as core events: active (installed, started, upgraded, or found at start), refused (with
 * why), stopped and uninstalled. Installs through {@code deploy/} have no caller for the audit log; these events are
 * their trail, next to the audit entries of REST and shell installs. Written on a thread of their own, since the
 * extender tells its listeners on its own thread.
 */
@Component(service = {PluginListener.class, EventTypeProvider.class})
public class PluginEvents implements PluginListener, EventTypeProvider {

    static final String ACTIVATED = "plugin-activated";
    static final String REFUSED = "plugin-refused";
    static final String STOPPED = "plugin-stopped";
    static final String UNINSTALLED = "plugin-uninstalled";

    private static final String PAYLOAD = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "properties":{"pluginId":{"type":"string"},"version":{"type":"string"},
                           "previousVersion":{"type":"string"},"message":{"type":"string"}},
             "required":["pluginId","version"]}""";

    private static final List<EventTypeDefinition> TYPES = List.of(
            new EventTypeDefinition(Event.CORE_SOURCE, ACTIVATED, EventSeverity.INFO,
                    "Plugin active (installed, started, upgraded, or found at server start)", PAYLOAD),
            new EventTypeDefinition(Event.CORE_SOURCE, REFUSED, EventSeverity.FUNCTIONAL_FAILURE,
                    "Plugin refused by the server", PAYLOAD),
            new EventTypeDefinition(Event.CORE_SOURCE, STOPPED, EventSeverity.INFO, "Plugin stopped", PAYLOAD),
            new EventTypeDefinition(Event.CORE_SOURCE, UNINSTALLED, EventSeverity.INFO, "Plugin uninstalled",
                    PAYLOAD));

    private static final Logger LOG = LoggerFactory.getLogger(PluginEvents.class);

    private final AtomicReference<EventService> events = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "garrison-plugin-events");
        thread.setDaemon(true);
        return thread;
    });

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetEventService")
    void setEventService(EventService service) {
        events.set(service);
    }

    void unsetEventService(EventService service) {
        events.compareAndSet(service, null);
    }

    @Deactivate
    void deactivate() {
        writer.shutdown();
    }

    @Override
    public List<EventTypeDefinition> eventTypes() {
        return TYPES;
    }

    @Override
    public void pluginChanged(PluginInfo previous, PluginInfo current) {
        NewEvent event = event(previous, current);
        if (event == null) {
            return;
        }
        try {
            writer.execute(() -> write(event));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not reporting {} {}: the extender is stopping", event.type(), event.payload().get("pluginId"));
        }
    }

    private void write(NewEvent event) {
        EventService store = events.get();
        if (store == null) {
            return;
        }
        try {
            store.ingest(List.of(event));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the event {} of plugin {}", event.type(), event.payload().get("pluginId"), e);
        }
    }

    /** The event a change deserves, or {@code null} (passing through STARTING, or nothing a reader would notice). */
    NewEvent event(PluginInfo previous, PluginInfo current) {
        if (current == null) {
            return previous == null ? null : create(UNINSTALLED, previous, null,
                    "Plugin " + previous.id() + " " + previous.version() + " was uninstalled");
        }
        PluginState before = previous == null ? null : previous.state();
        boolean upgraded = previous != null && !Objects.equals(previous.version(), current.version());
        if (before == current.state() && !upgraded) {
            return null;
        }
        return switch (current.state()) {
            case ACTIVE -> create(ACTIVATED, current, upgraded ? previous.version() : null, upgraded
                    ? "Plugin " + current.id() + " was upgraded from " + previous.version() + " to "
                            + current.version() + " and is active"
                    : "Plugin " + current.id() + " " + current.version() + " is active");
            case REFUSED -> create(REFUSED, current, upgraded ? previous.version() : null, "Plugin " + current.id()
                    + " " + current.version() + " was refused: " + current.message());
            case STOPPED -> create(STOPPED, current, null, "Plugin " + current.id() + " " + current.version()
                    + " was stopped");
            case STARTING -> null;
        };
    }

    private NewEvent create(String type, PluginInfo plugin, String previousVersion, String description) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("pluginId", plugin.id());
        payload.put("version", plugin.version());
        if (previousVersion != null) {
            payload.put("previousVersion", previousVersion);
        }
        if (plugin.message() != null && type.equals(REFUSED)) {
            payload.put("message", plugin.message());
        }
        String text = description.length() <= EventService.MAX_DESCRIPTION_LENGTH ? description
                : description.substring(0, EventService.MAX_DESCRIPTION_LENGTH - 1) + "…";
        EventSeverity severity = type.equals(REFUSED) ? EventSeverity.FUNCTIONAL_FAILURE : EventSeverity.INFO;
        return new NewEvent(null, clock.instant(), null, null, Event.CORE_SOURCE, type, severity, text, payload);
    }
}
