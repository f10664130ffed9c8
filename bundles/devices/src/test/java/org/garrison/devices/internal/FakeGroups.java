package org.garrison.devices.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.Revision;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.event.EventService;
import org.garrison.api.event.IngestResult;
import org.garrison.api.event.NewEvent;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.EffectiveDeviceSettings;
import org.garrison.api.group.GroupDeviceSettingsService;
import org.garrison.api.group.GroupService;
import org.garrison.api.group.InactivityHandling;
import org.garrison.api.group.StatusCondition;

/**
 * Stand-ins for the groups, audit and events areas: a group tree held in memory, conditions per group, and
 * recorders of revisions, deleted objects and events.
 */
final class FakeGroups {

    final Map<UUID, UUID> parents = new HashMap<>();
    final Map<UUID, List<StatusCondition>> conditions = new HashMap<>();
    final Map<UUID, Integer> removeAfterDays = new HashMap<>();
    final Map<UUID, Integer> notifyAfterDays = new HashMap<>();
    final List<NewEvent> events = new ArrayList<>();
    final List<Revision> revisions = new ArrayList<>();
    final List<DeletedObject> deleted = new ArrayList<>();

    FakeGroups() {
        parents.put(AdministrationGroup.MANAGED_DEVICES, null);
        parents.put(AdministrationGroup.UNASSIGNED_DEVICES, null);
    }

    UUID add(UUID parent) {
        UUID id = UUID.randomUUID();
        parents.put(id, parent);
        return id;
    }

    GroupService groups() {
        return (GroupService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {GroupService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> {
                        UUID id = (UUID) args[0];
                        if (!parents.containsKey(id)) {
                            throw new NotFoundException("Administration group", id);
                        }
                        yield new AdministrationGroup(id, parents.get(id), "g", Instant.EPOCH, Instant.EPOCH);
                    }
                    case "all" -> parents.keySet().stream()
                            .map(id -> new AdministrationGroup(id, parents.get(id), "g", Instant.EPOCH, Instant.EPOCH))
                            .toList();
                    case "subtree" -> {
                        UUID root = (UUID) args[0];
                        if (!parents.containsKey(root)) {
                            throw new NotFoundException("Administration group", root);
                        }
                        Set<UUID> tree = new HashSet<>(Set.of(root));
                        boolean grown = true;
                        while (grown) {
                            grown = false;
                            for (Map.Entry<UUID, UUID> e : parents.entrySet()) {
                                if (e.getValue() != null && tree.contains(e.getValue()) && tree.add(e.getKey())) {
                                    grown = true;
                                }
                            }
                        }
                        yield tree;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    GroupDeviceSettingsService settings() {
        return (GroupDeviceSettingsService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {GroupDeviceSettingsService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("effective")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    UUID id = (UUID) args[0];
                    return new EffectiveDeviceSettings(id, id, false, conditions.getOrDefault(id, List.of()),
                            new InactivityHandling(notifyAfterDays.get(id), removeAfterDays.get(id)));
                });
    }

    /** Device events that land in {@link #events}. */
    DeviceEvents deviceEvents(Clock clock) {
        DeviceEvents deviceEvents = new DeviceEvents(clock);
        deviceEvents.setEventService((EventService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("ingest")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    List<NewEvent> batch = (List<NewEvent>) args[0];
                    events.addAll(batch);
                    return new IngestResult(batch.size(), 0, List.of());
                }));
        return deviceEvents;
    }

    /** The types of the recorded events, in order. */
    List<String> eventTypes() {
        return events.stream().map(NewEvent::type).toList();
    }

    RevisionHistory revisionHistory() {
        return (RevisionHistory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RevisionHistory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("record")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Revision revision = new Revision(UUID.randomUUID(), (ObjectRef) args[0], revisions.size() + 1,
                            Instant.now(), (Actor) args[3], (String) args[1], (String) args[2], "[]");
                    revisions.add(revision);
                    return revision;
                });
    }

    DeletedObjects deletedObjects() {
        return (DeletedObjects) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DeletedObjects.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("register")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    DeletedObject entry = new DeletedObject(UUID.randomUUID(), (ObjectRef) args[0], (String) args[1],
                            Instant.now(), (Actor) args[3], (String) args[2]);
                    deleted.add(entry);
                    return entry;
                });
    }
}
