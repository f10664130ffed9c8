package org.garrison.devices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceRemovalListener;
import org.garrison.api.device.DeviceStatus;
import org.garrison.api.device.StatusReason;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports what happens to devices as core events (added, removed, moved, status changed, inactive). Events are
 * ingested inside the transaction of the change, so the change and its events are stored together or not at all;
 * while the events area is absent, devices work on and nothing is reported. Also tells the
 * {@link DeviceRemovalListener}s which devices are gone for good.
 */
@Component(service = DeviceEvents.class)
public class DeviceEvents {

    /** A device's status before and after a recomputation. */
    record StatusChange(UUID deviceId, UUID groupId, DeviceStatus previous, DeviceStatus current) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEvents.class);

    private final AtomicReference<EventService> events = new AtomicReference<>();
    private final List<DeviceRemovalListener> removalListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "garrison-device-removals");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    @Activate
    public DeviceEvents() {
        this(Clock.systemUTC());
    }

    DeviceEvents(Clock clock) {
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        notifier.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeRemovalListener")
    void addRemovalListener(DeviceRemovalListener listener) {
        removalListeners.add(listener);
    }

    void removeRemovalListener(DeviceRemovalListener listener) {
        removalListeners.remove(listener);
    }

    /**
     * Tells the removal listeners, on the area's own thread, that devices are gone. Called once the removing
     * transaction committed: a rolled-back removal is never announced.
     */
    void removedForGood(Collection<UUID> deviceIds) {
        if (deviceIds.isEmpty() || removalListeners.isEmpty()) {
            return;
        }
        Set<UUID> removed = Set.copyOf(deviceIds);
        try {
            notifier.execute(() -> {
                for (DeviceRemovalListener listener : removalListeners) {
                    try {
                        listener.devicesRemoved(removed);
                    } catch (RuntimeException e) {
                        LOG.warn("A device removal listener ({}) failed for {} devices", listener.getClass().getName(),
                                removed.size(), e);
                    }
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not announcing {} removed devices: the devices area is stopping", removed.size());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetEventService")
    void setEventService(EventService service) {
        events.set(service);
    }

    void unsetEventService(EventService service) {
        events.compareAndSet(service, null);
    }

    void added(Device device) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("displayName", device.displayName());
        payload.put("groupId", device.groupId().toString());
        publish(List.of(event(device.id(), device.groupId(), "device-added", EventSeverity.INFO,
                "Device " + device.displayName() + " added", payload)));
    }

    void removed(Collection<Device> removed) {
        publish(removed.stream().map(device -> event(device.id(), device.groupId(), "device-removed",
                EventSeverity.WARNING, "Device " + device.displayName() + " removed",
                Map.<String, Object>of("displayName", device.displayName()))).toList());
    }

    /**
     * @param from the group each moved device left
     */
    void moved(Map<UUID, UUID> from, UUID to) {
        List<NewEvent> moved = new ArrayList<>(from.size());
        from.forEach((device, previous) -> moved.add(event(device, to, "device-moved", EventSeverity.INFO,
                "Device moved to another administration group",
                Map.of("fromGroupId", previous.toString(), "toGroupId", to.toString()))));
        publish(moved);
    }

    /** Reports the changes of status level; a change of reasons within the same level is no event. */
    void statusChanged(Collection<StatusChange> changes) {
        publish(changes.stream().filter(change -> change.previous().level() != change.current().level())
                .map(change -> {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("previousStatus", level(change.previous()));
            payload.put("status", level(change.current()));
            payload.put("reasons", change.current().reasons().stream().map(StatusReason::text).toList());
            return event(change.deviceId(), change.groupId(), "device-status-changed", EventSeverity.INFO,
                    "Device status changed from " + level(change.previous()) + " to " + level(change.current()),
                    payload);
        }).toList());
    }

    /** Devices of a group not seen for longer than the group allows. */
    void inactive(UUID groupId, List<DeviceRepository.InactiveDevice> devices) {
        Instant now = clock.instant();
        publish(devices.stream().map(device -> {
            long days = Duration.between(device.lastSeen(), now).toDays();
            return event(device.id(), groupId, "device-inactive", EventSeverity.WARNING,
                    "Device not visible for " + days + " days",
                    Map.<String, Object>of("lastVisibleAt", device.lastSeen().toString(), "inactiveDays", days));
        }).toList());
    }

    private static String level(DeviceStatus status) {
        return status.level().name().toLowerCase(Locale.ROOT);
    }

    private NewEvent event(UUID device, UUID group, String type, EventSeverity severity, String description,
            Map<String, Object> payload) {
        return new NewEvent(null, clock.instant(), device, group, Event.CORE_SOURCE, type, severity, description,
                payload);
    }

    private void publish(List<NewEvent> batch) {
        EventService service = events.get();
        if (service != null && !batch.isEmpty()) {
            service.ingest(batch);
        }
    }
}
