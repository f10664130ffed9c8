package org.garrison.gateway.internal.rest;

import static org.garrison.gateway.internal.rest.RestTesting.as;
import static org.garrison.gateway.internal.rest.RestTesting.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.AgentInstructions;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.NewInstruction;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.GroupScope;
import org.garrison.gateway.internal.enrollment.FakeGroups;
import org.garrison.gateway.internal.rest.AgentViews.SyncNowAnswer;
import org.garrison.gateway.internal.rest.AgentViews.SyncNowBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentSyncResourceTest {

    private final FakeGroups groups = new FakeGroups();
    private final Map<UUID, UUID> deviceGroups = new LinkedHashMap<>();
    private final Set<UUID> listening = new java.util.HashSet<>();
    private final List<Set<UUID>> woken = new ArrayList<>();
    private UUID office;
    private UUID floor;
    private UUID lab;
    private AgentSyncResource resource;

    @BeforeEach
    void setUp() {
        office = groups.add(AdministrationGroup.MANAGED_DEVICES, "Office");
        floor = groups.add(office, "Floor 1");
        lab = groups.add(AdministrationGroup.MANAGED_DEVICES, "Lab");
        resource = new AgentSyncResource(instructions(), devices(), groups, RestTesting.scopes(groups));
    }

    @Test
    void namedDevicesAreAskedToSyncAndThoseListeningAreWoken() {
        UUID a = device(office);
        UUID b = device(floor);
        listening.add(a);
        SyncNowAnswer answer = resource.syncNow(new SyncNowBody(List.of(a, b, a), null),
                as(caller("alice", GroupScope.EVERYWHERE)));
        assertEquals(new SyncNowAnswer(2, 1), answer);
        assertEquals(List.of(Set.of(a, b)), woken);
    }

    @Test
    void aGroupMeansEveryDeviceInItsSubtree() {
        List<UUID> inOffice = IntStream.range(0, 1500).mapToObj(i -> device(i % 2 == 0 ? office : floor)).toList();
        device(lab);
        SyncNowAnswer answer = resource.syncNow(new SyncNowBody(null, office),
                as(caller("olga", GroupScope.within(Set.of(office)))));
        assertEquals(1500, answer.requested());
        assertEquals(Set.copyOf(inOffice), woken.get(0));
    }

    @Test
    void devicesAndGroupsOutsideTheCallersScopeAreRefused() {
        UUID inLab = device(lab);
        var olga = as(caller("olga", GroupScope.within(Set.of(office))));
        assertThrows(ForbiddenException.class, () -> resource.syncNow(new SyncNowBody(List.of(inLab), null), olga));
        assertThrows(ForbiddenException.class, () -> resource.syncNow(new SyncNowBody(null, lab), olga));
        assertThrows(ForbiddenException.class, () -> resource.syncNow(
                new SyncNowBody(null, AdministrationGroup.MANAGED_DEVICES), olga));
        assertEquals(List.of(), woken);
    }

    @Test
    void malformedRequestsAreRefused() {
        var admin = as(caller("alice", GroupScope.EVERYWHERE));
        UUID known = device(office);
        assertThrows(ValidationException.class, () -> resource.syncNow(null, admin));
        assertThrows(ValidationException.class, () -> resource.syncNow(new SyncNowBody(null, null), admin));
        assertThrows(ValidationException.class, () -> resource.syncNow(new SyncNowBody(List.of(known), office),
                admin));
        assertThrows(ValidationException.class, () -> resource.syncNow(new SyncNowBody(List.of(), null), admin));
        List<UUID> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(ValidationException.class, () -> resource.syncNow(new SyncNowBody(withNull, null), admin));
        ValidationException unknown = assertThrows(ValidationException.class, () -> resource.syncNow(
                new SyncNowBody(List.of(known, UUID.randomUUID()), null), admin));
        assertEquals("deviceIds", unknown.errors().get(0).field());
        assertThrows(ValidationException.class, () -> resource.syncNow(new SyncNowBody(
                IntStream.range(0, DeviceService.MAX_BULK_DEVICES + 1).mapToObj(i -> UUID.randomUUID()).toList(),
                null), admin));
        assertEquals("groupId", assertThrows(ValidationException.class, () -> resource.syncNow(
                new SyncNowBody(null, UUID.randomUUID()), admin)).errors().get(0).field());
        assertEquals(List.of(), woken);
    }

    private UUID device(UUID groupId) {
        UUID id = UUID.randomUUID();
        deviceGroups.put(id, groupId);
        return id;
    }

    /** The two calls the resource makes, over the devices registered in this test. */
    private DeviceService devices() {
        return (DeviceService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DeviceService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "groupsOf" -> ((Set<?>) args[0]).stream().filter(deviceGroups::containsKey)
                            .collect(Collectors.toMap(id -> (UUID) id, deviceGroups::get));
                    case "list" -> list((DeviceQuery) args[0], (PageRequest) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Page<Device> list(DeviceQuery query, PageRequest page) {
        Set<UUID> subtree = groups.subtree(query.groupId());
        List<UUID> ids = deviceGroups.entrySet().stream().filter(entry -> subtree.contains(entry.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor().keys().get(0));
        int to = Math.min(ids.size(), from + page.limit());
        List<Device> items = ids.subList(from, to).stream().map(id -> new Device(id, deviceGroups.get(id), "d",
                null, null, null, null, null, null, null, List.of(), Instant.EPOCH, Instant.EPOCH)).toList();
        return new Page<>(items, to < ids.size() ? Cursor.after(Integer.toString(to)).encode() : null,
                (long) ids.size());
    }

    private AgentInstructions instructions() {
        return new AgentInstructions() {
            @Override
            public int syncNow(Collection<UUID> deviceIds) {
                woken.add(Set.copyOf(deviceIds));
                return (int) deviceIds.stream().filter(listening::contains).count();
            }

            @Override
            public List<UUID> enqueue(Collection<UUID> deviceIds, NewInstruction instruction) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int cancel(Collection<UUID> instructionIds) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InstructionStatus get(UUID instructionId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<InstructionStatus> byReference(String reference) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
