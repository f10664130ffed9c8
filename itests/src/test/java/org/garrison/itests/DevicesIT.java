package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.garrison.api.Actor;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.ApplicationComponent;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DomainType;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.LicenceKey;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.device.UserAccount;
import org.garrison.api.device.UserSession;
import org.garrison.api.device.Virtualisation;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Devices over real HTTP: inventory arranged through the injected {@link DeviceService} (agents have no endpoint
 * yet), then listing with filters, sorting and paging, details, admin changes with revisions, removal and restore,
 * bulk actions with their limits, the fleet-wide registries, and bad input answered with problem reports.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DevicesIT {

    private static final String JSON = "application/json";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Actor TEST = Actor.system("devices-it");

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    private DeviceService devices;

    @Inject
    @Filter(timeout = 120_000)
    private GroupService groups;

    /** The devices' membership in groups: registered once the devices schema is migrated. */
    @Inject
    @Filter(timeout = 120_000)
    private org.garrison.api.group.GroupMembers deviceMembership;

    @Inject
    @Filter(timeout = 120_000)
    private RevisionHistory revisions;

    @Inject
    @Filter(timeout = 120_000)
    private DeletedObjects deletedObjects;

    private final Api api = Api.local();

    @Configuration
    public Option[] config() {
        return GarrisonContainer.options();
    }

    @Before
    public void serverIsUp() throws InterruptedException {
        ContainerStartup.awaitApi(api, context, "/api/v1/devices");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Device inventoried(String name, UUID group, String ip, OsType os, String softwareVersion,
            boolean withApplication) {
        Device device = devices.register(new DeviceRegistration(name, group, null), TEST);
        devices.applyInventory(new InventoryReport(device.id(), true,
                new DeviceIdentity("CORP", DomainType.ACTIVE_DIRECTORY, name.toUpperCase(), "corp.example",
                        name + ".corp.example", "hw-" + name),
                new DeviceNetwork(ip, "fe80::1", "HQ", List.of(String.format("02:00:00:00:%02x:01",
                        Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1))), "02-00-00-00-00-99")),
                new OperatingSystem(os, "x86_64", "Vendor", os.name() + " Pro", "10.0", "22631", "23H2", "/"),
                new Virtualisation(true, "KVM", "full", false, null), new ActivityReport(null, true, null),
                List.of(new UserAccount("alice", "CORP", "Alice Example", Instant.now())),
                List.of(new UserSession("alice", "CORP", "console", Instant.now().minusSeconds(600), null)),
                List.of(new HardwareComponent("cpu", "CPU", "Intel", "i7-1365U", "SN1", "4 cores")),
                new SoftwareChanges(List.of(new SoftwareEntry("Firefox", "Mozilla", softwareVersion, null, null)),
                        null, null),
                withApplication ? List.of(new InstalledApplication("endpoint", "Endpoint Protection", "12.1",
                        ApplicationState.RUNNING, ProtectionState.ON, Instant.now(), 2, 0,
                        List.of(new ApplicationComponent("File protection", "12.1", "running")),
                        new LicenceKey("KEY-A", Instant.now().plus(Duration.ofDays(200))), null, Instant.now(),
                        "install-1", List.of(new ApplicationStatusReport(StatusLevel.WARNING, "DB_OLD",
                                "Databases are 3 days old")), List.of("protected"))) : List.of(),
                null));
        return devices.get(device.id());
    }

    @Test
    public void anInventoriedDeviceIsListedFilteredAndShownWithItsRegistries() {
        AdministrationGroup group = groups.create(AdministrationGroup.MANAGED_DEVICES, unique("office"), TEST);
        AdministrationGroup sub = groups.create(group.id(), unique("floor"), TEST);
        String prefix = unique("ws");
        Device a = inventoried(prefix + "-a", group.id(), "10.20.0.3", OsType.WINDOWS, "129", true);
        Device b = inventoried(prefix + "-b", sub.id(), "10.20.0.20", OsType.LINUX, "130", false);
        Device c = inventoried(prefix + "-c", group.id(), "10.20.0.100", OsType.WINDOWS, "130", false);

        HttpResponse<String> all = ok(api.get("/api/v1/devices?group=" + group.id() + "&sort=ip&order=desc"));
        assertTrue(all.body(), all.body().contains("\"total\":3"));
        assertOrder(all.body(), c.id(), b.id(), a.id());
        assertTrue(ok(api.get("/api/v1/devices?group=" + group.id() + "&subtree=false")).body()
                .contains("\"total\":2"));
        assertOnly(ok(api.get("/api/v1/devices?q=" + prefix + "&os=linux")).body(), b.id(), a.id(), c.id());
        assertOnly(ok(api.get("/api/v1/devices?q=10.20.0.10")).body(), c.id(), a.id(), b.id());
        assertOnly(ok(api.get("/api/v1/devices?q=" + prefix + "&app=endpoint")).body(), a.id(), b.id(), c.id());
        assertOnly(ok(api.get("/api/v1/devices?q=" + prefix + "&tag=PROTECTED")).body(), a.id(), b.id(), c.id());
        assertTrue(ok(api.get("/api/v1/devices?q=" + prefix + "&noApp=endpoint")).body().contains("\"total\":2"));
        assertTrue(ok(api.get("/api/v1/devices?q=" + prefix + "&lastVisibleFrom="
                + Instant.now().minus(Duration.ofHours(1)))).body().contains("\"total\":3"));

        HttpResponse<String> first = ok(api.get("/api/v1/devices?q=" + prefix + "&limit=2&sort=name"));
        Matcher cursor = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(first.body());
        assertTrue(first.body(), cursor.find());
        assertOrder(first.body(), a.id(), b.id());
        HttpResponse<String> second = ok(api.get("/api/v1/devices?q=" + prefix + "&limit=2&sort=name&cursor="
                + cursor.group(1)));
        assertOnly(second.body(), c.id(), a.id(), b.id());
        assertFalse(second.body(), second.body().contains("nextCursor"));

        String device = ok(api.get("/api/v1/devices/" + a.id())).body();
        for (String part : List.of("\"netbiosName\":\"" + (prefix + "-a").toUpperCase() + "\"",
                "\"windowsDomainType\":\"ACTIVE_DIRECTORY\"", "\"ipv4\":\"10.20.0.3\"", "\"virtualMachine\":true",
                "\"restartPending\":true", "\"releaseId\":\"23H2\"", "\"source\":\"endpoint\"",
                "\"text\":\"Databases are 3 days old\"", "\"macAddresses\":[")) {
            assertTrue(part + " in " + device, device.contains(part));
        }
        assertTrue(ok(api.get("/api/v1/devices/" + a.id() + "/hardware")).body().contains("\"model\":\"i7-1365U\""));
        assertTrue(ok(api.get("/api/v1/devices/" + a.id() + "/software")).body().contains("\"version\":\"129\""));
        String applications = ok(api.get("/api/v1/devices/" + a.id() + "/applications")).body();
        assertTrue(applications, applications.contains("\"realTimeProtection\":\"ON\"")
                && applications.contains("\"threatsDetected\":2") && applications.contains("\"key\":\"KEY-A\"")
                && applications.contains("File protection"));
        String sessions = ok(api.get("/api/v1/devices/" + a.id() + "/sessions")).body();
        assertTrue(sessions, sessions.contains("\"fullName\":\"Alice Example\"") && sessions.contains("console"));

        String software = ok(api.get("/api/v1/software?name=firefox")).body();
        assertTrue(software, software.contains("\"name\":\"Firefox\"") && software.contains("\"version\":\"130\""));
        String having = ok(api.get("/api/v1/software/devices?name=FIREFOX&version=129")).body();
        assertTrue(having, having.contains(a.id().toString()) && !having.contains(c.id().toString()));
        String hardware = ok(api.get("/api/v1/hardware?category=cpu")).body();
        assertTrue(hardware, hardware.contains("\"model\":\"i7-1365U\""));
    }

    @Test
    public void malformedFiltersAreRefusedNamingTheParameter() {
        assertProblem(api.get("/api/v1/devices?status=RED"), 422, "\"field\":\"status\"");
        assertProblem(api.get("/api/v1/devices?os=beos&sort=colour"), 422, "\"field\":\"sort\"");
        assertProblem(api.get("/api/v1/devices?group=nope"), 422, "\"field\":\"group\"");
        assertProblem(api.get("/api/v1/devices?group=" + UUID.randomUUID()), 422, "\"field\":\"group\"");
        assertProblem(api.get("/api/v1/devices?subtree=maybe"), 422, "\"field\":\"subtree\"");
        assertProblem(api.get("/api/v1/devices?lastVisibleFrom=yesterday"), 422, "\"field\":\"lastVisibleFrom\"");
        assertProblem(api.get("/api/v1/devices?limit=ten"), 422, "\"field\":\"limit\"");
        assertProblem(api.get("/api/v1/devices?limit=5000"), 422, "\"field\":\"limit\"");
        assertProblem(api.get("/api/v1/devices?cursor=garbage"), 422, "\"field\":\"cursor\"");
        assertProblem(api.get("/api/v1/software/devices"), 422, "\"field\":\"name\"");
        assertProblem(api.get("/api/v1/hardware?cursor=AAAA"), 422, "\"field\":\"cursor\"");
    }

    @Test
    public void unknownDevicesAreNotFoundAndMalformedIdsAreNamed() {
        UUID unknown = UUID.randomUUID();
        assertProblem(api.get("/api/v1/devices/" + unknown), 404, unknown.toString());
        assertProblem(api.get("/api/v1/devices/" + unknown + "/software"), 404, null);
        assertProblem(patch("/api/v1/devices/" + unknown, "{\"displayName\":\"x\"}"), 404, null);
        assertProblem(delete("/api/v1/devices/" + unknown), 404, null);
        assertProblem(api.get("/api/v1/devices/not-an-id"), 422, "\"field\":\"id\"");
    }

    @Test
    public void adminChangesAreValidatedAndRecordedInTheRevisionHistory() {
        Device device = devices.register(new DeviceRegistration(unique("kiosk"), null, null), TEST);
        String path = "/api/v1/devices/" + device.id();
        assertProblem(patch(path, "{\"displayName\":\"\"}"), 422, "\"field\":\"displayName\"");
        assertProblem(patch(path, "{\"colour\":\"red\"}"), 400, "colour");
        assertProblem(patch(path, "{\"tags\":[\"" + "x".repeat(200) + "\"]}"), 422, "\"field\":\"tags/0\"");
        assertEquals(device.displayName(), devices.get(device.id()).displayName());

        HttpResponse<String> changed = ok(patch(path,
                "{\"displayName\":\"Lobby kiosk\",\"description\":\"By the door\",\"tags\":[\"lobby\"]}"));
        assertTrue(changed.body(), changed.body().contains("\"displayName\":\"Lobby kiosk\"")
                && changed.body().contains("\"description\":\"By the door\"")
                && changed.body().contains("{\"name\":\"lobby\",\"source\":\"admin\"}"));
        List<org.garrison.api.audit.Revision> history = revisions.revisions(
                new ObjectRef(DeviceService.OBJECT_TYPE, device.id()), PageRequest.first()).items();
        assertEquals(List.of("updated", "created"), history.stream().map(r -> r.action()).toList());

        revisions.restore(history.get(1).id(), TEST);
        String restored = ok(api.get(path)).body();
        assertTrue(restored, restored.contains("\"displayName\":\"" + device.displayName() + "\"")
                && !restored.contains("lobby") && !restored.contains("By the door"));
    }

    @Test
    public void removingMovesToUnassignedThenDeletesAndTheDeviceCanBeRestored() {
        AdministrationGroup group = groups.create(AdministrationGroup.MANAGED_DEVICES, unique("lab"), TEST);
        HttpResponse<String> created = api.post("/api/v1/devices", JSON,
                "{\"name\":\"" + unique("lab-pc") + "\",\"groupId\":\"" + group.id() + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        UUID id = firstId(created.body());
        assertProblem(api.post("/api/v1/devices", JSON, "{\"groupId\":\"" + group.id() + "\"}"), 422,
                "\"field\":\"name\"");
        assertProblem(api.post("/api/v1/devices", JSON, "{\"name\":\"x\",\"groupId\":\"" + UUID.randomUUID() + "\"}"),
                422, "\"field\":\"groupId\"");

        assertTrue(ok(delete("/api/v1/devices/" + id)).body().contains("MOVED_TO_UNASSIGNED"));
        assertTrue(ok(api.get("/api/v1/devices/" + id)).body()
                .contains("\"groupId\":\"" + AdministrationGroup.UNASSIGNED_DEVICES + "\""));
        assertTrue(ok(delete("/api/v1/devices/" + id)).body().contains("DELETED"));
        assertProblem(api.get("/api/v1/devices/" + id), 404, null);
        String history = ok(api.get("/api/v1/events?source=core&device=" + id + "&limit=100")).body();
        for (String type : List.of("device-added", "device-moved", "device-removed")) {
            assertTrue("the device's " + type + " event is in the event log: " + history,
                    history.contains("\"type\":\"" + type + "\""));
        }

        DeletedObject entry = deletedObjects.list(DeviceService.OBJECT_TYPE, new PageRequest(1000, null)).items()
                .stream().filter(e -> e.object().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no deleted-objects entry for " + id));
        deletedObjects.restore(entry.id(), TEST);
        ok(api.get("/api/v1/devices/" + id));
    }

    @Test
    public void bulkActionsAreBoundedAndAllOrNothing() {
        AdministrationGroup group = groups.create(AdministrationGroup.MANAGED_DEVICES, unique("bulk"), TEST);
        UUID a = devices.register(new DeviceRegistration(unique("bulk-a"), null, null), TEST).id();
        UUID b = devices.register(new DeviceRegistration(unique("bulk-b"), null, null), TEST).id();

        assertProblem(api.post("/api/v1/devices/bulk/move", JSON, "{\"deviceIds\":[\"" + a + "\",\""
                + UUID.randomUUID() + "\"],\"groupId\":\"" + group.id() + "\"}"), 422, "\"field\":\"deviceIds\"");
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(a).groupId());
        assertProblem(api.post("/api/v1/devices/bulk/move", JSON, "{\"deviceIds\":[\"" + a + "\"],\"groupId\":\""
                + UUID.randomUUID() + "\"}"), 422, "\"field\":\"groupId\"");
        List<UUID> tooMany = new ArrayList<>(List.of(a, b));
        while (tooMany.size() <= DeviceService.MAX_BULK_DEVICES) {
            tooMany.add(UUID.randomUUID());
        }
        assertProblem(api.post("/api/v1/devices/bulk/delete", JSON, "{\"deviceIds\":" + ids(tooMany) + "}"), 422,
                "at most 10000");
        ok(api.get("/api/v1/devices/" + a));
        assertProblem(api.post("/api/v1/devices/bulk/tags", JSON, "{\"deviceIds\":" + ids(List.of(a)) + "}"), 422,
                "\"field\":\"add\"");
        assertProblem(api.post("/api/v1/devices/bulk/move", JSON, "{\"deviceIds\":[\"nope\"]}"), 400, null);

        assertTrue(ok(api.post("/api/v1/devices/bulk/move", JSON, "{\"deviceIds\":" + ids(List.of(a, b))
                + ",\"groupId\":\"" + group.id() + "\"}")).body().contains("\"affected\":2"));
        assertEquals(group.id(), devices.get(b).groupId());
        assertTrue(ok(api.post("/api/v1/devices/bulk/tags", JSON, "{\"deviceIds\":" + ids(List.of(a, b))
                + ",\"add\":[\"vip\"]}")).body().contains("\"affected\":2"));
        assertTrue(ok(api.get("/api/v1/devices?tag=vip&group=" + group.id())).body().contains("\"total\":2"));
        assertTrue(ok(api.post("/api/v1/devices/bulk/delete", JSON, "{\"deviceIds\":" + ids(List.of(a, b)) + "}"))
                .body().contains("\"affected\":2"));
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(a).groupId());
    }

    @Test
    public void devicesAreGroupMembersAndGoBackToUnassignedWhenTheirGroupIsDeleted() {
        AdministrationGroup group = groups.create(AdministrationGroup.MANAGED_DEVICES, unique("temp"), TEST);
        UUID id = devices.register(new DeviceRegistration(unique("temp-pc"), group.id(), null), TEST).id();
        groups.delete(group.id(), org.garrison.api.group.GroupDeletion.WITH_MEMBERS, TEST);
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, devices.get(id).groupId());
    }

    @Test
    public void movingRulesPlaceReportingDevicesAndAreManagedOverHttp() {
        AdministrationGroup target = groups.create(AdministrationGroup.MANAGED_DEVICES, unique("branch"), TEST);
        String rule = "{\"name\":\"Branch network\",\"enabled\":true,\"targetGroupId\":\"" + target.id()
                + "\",\"mode\":\"CONTINUOUS\",\"unassignedOnly\":false,\"conditions\":{\"ipv4Ranges\":"
                + "[\"172.16.5.0/24\"],\"osTypes\":[\"LINUX\"]}}";
        HttpResponse<String> created = api.post("/api/v1/device-moving-rules", JSON, rule);
        assertEquals(created.body(), 201, created.statusCode());
        UUID ruleId = firstId(created.body());
        try {
            Device device = inventoried(unique("branch-pc"), null, "172.16.5.9", OsType.LINUX, "1", false);
            assertEquals(target.id(), device.groupId());
            Device windows = inventoried(unique("branch-win"), null, "172.16.5.10", OsType.WINDOWS, "1", false);
            assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, windows.groupId());

            devices.move(java.util.Set.of(device.id()), AdministrationGroup.MANAGED_DEVICES, TEST);
            assertTrue(ok(api.post("/api/v1/device-moving-rules/run", JSON, "")).body().contains("\"moved\":1"));
            assertEquals(target.id(), devices.get(device.id()).groupId());

            assertTrue(ok(api.get("/api/v1/device-moving-rules")).body().contains(ruleId.toString()));
            assertProblem(api.post("/api/v1/device-moving-rules", JSON, rule.replace("172.16.5.0/24", "172.16.5.0/99")),
                    422, "\"field\":\"conditions/ipv4Ranges/0\"");
            assertProblem(api.post("/api/v1/device-moving-rules", JSON, rule.replace(target.id().toString(),
                    UUID.randomUUID().toString())), 422, "\"field\":\"targetGroupId\"");
            assertProblem(api.post("/api/v1/device-moving-rules/order", JSON, "{\"ruleIds\":[\"" + UUID.randomUUID()
                    + "\"]}"), 422, "\"field\":\"ruleIds\"");
            assertProblem(api.get("/api/v1/device-moving-rules/" + UUID.randomUUID()), 404, null);
        } finally {
            assertEquals(204, delete("/api/v1/device-moving-rules/" + ruleId).statusCode());
        }
        assertProblem(api.get("/api/v1/device-moving-rules/" + ruleId), 404, null);
    }

    @Test
    public void theOpenApiDocumentDescribesTheDeviceOperations() {
        String document = ok(api.get("/api/v1/openapi.json")).body();
        for (String operation : List.of("listDevices", "getDevice", "updateDevice", "removeDevice", "createDevice",
                "moveDevices", "tagDevices", "removeDevices", "getDeviceHardware", "getDeviceSoftware",
                "getDeviceApplications", "getDeviceSessions", "listSoftware", "listSoftwareDevices", "listHardware",
                "listDeviceMovingRules", "createDeviceMovingRule", "orderDeviceMovingRules", "runDeviceMovingRules")) {
            assertTrue(operation, Pattern.compile("\"operationId\"\\s*:\\s*\"" + operation + "\"").matcher(document)
                    .find());
        }
        assertTrue(document.contains("\"patch\""));
    }

    @Test
    public void theShellCommandsAreRegistered() throws Exception {
        ServiceReference<?> reference = null;
        Instant deadline = Instant.now().plusSeconds(60);
        List<String> names = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            reference = context.getServiceReference("org.apache.karaf.shell.api.console.SessionFactory");
            names.clear();
            if (reference != null) {
                Object factory = context.getService(reference);
                Object registry = factory.getClass().getMethod("getRegistry").invoke(factory);
                for (Object command : (Collection<?>) registry.getClass().getMethod("getCommands").invoke(registry)) {
                    Method scope = command.getClass().getMethod("getScope");
                    Method name = command.getClass().getMethod("getName");
                    scope.setAccessible(true);
                    name.setAccessible(true);
                    names.add(scope.invoke(command) + ":" + name.invoke(command));
                }
                if (names.contains("garrison:device-list") && names.contains("garrison:device-show")) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("device commands not registered: " + names);
    }

    private HttpResponse<String> patch(String path, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> delete(String path) {
        return api.send(HttpRequest.newBuilder(URI.create(base() + path)).DELETE());
    }

    private static String base() {
        return "http://127.0.0.1:" + System.getProperty(GarrisonContainer.HTTP_PORT);
    }

    private static String ids(List<UUID> ids) {
        return "[" + String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]";
    }

    private static UUID firstId(String body) {
        Matcher matcher = ID.matcher(body);
        assertTrue(body, matcher.find());
        return UUID.fromString(matcher.group(1));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertTrue(response.statusCode() + " " + response.body(), response.statusCode() / 100 == 2);
        return response;
    }

    private static void assertOrder(String body, UUID... ids) {
        int last = -1;
        for (UUID id : ids) {
            int at = body.indexOf("\"id\":\"" + id + "\"");
            assertTrue(id + " after position " + last + " in " + body, at > last);
            last = at;
        }
    }

    private static void assertOnly(String body, UUID expected, UUID... absent) {
        assertTrue(body, body.contains("\"id\":\"" + expected + "\""));
        for (UUID id : absent) {
            assertFalse(body, body.contains("\"id\":\"" + id + "\""));
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        if (detailPart != null) {
            assertTrue(response.body(), response.body().contains(detailPart));
        }
    }
}
