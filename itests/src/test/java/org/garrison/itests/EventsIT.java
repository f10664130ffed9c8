package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.garrison.api.Actor;
import org.garrison.api.PageRequest;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.IngestResult;
import org.garrison.api.event.NewEvent;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.junit.Assume;
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
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The event store in the running server: ingest over REST and through the service, filters, paging, CSV export,
 * event types, the device view, refusals that store nothing, retention and the shell commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsIT {

    private static final String JSON = "application/json";
    private static final String EVENTS = "/api/v1/events";

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    private EventService events;

    @Inject
    private ConfigurationAdmin configurations;

    private final Api api = Api.local();

    @Configuration
    public Option[] config() {
        return GarrisonContainer.options();
    }

    @Before
    public void serverIsUp() throws InterruptedException {
        ContainerStartup.awaitApi(api, context, "/api/v1/event-types");
    }

    @Test
    public void postedEventsAreStoredListedNewestFirstAndNotStoredTwice() {
        String source = uniqueSource();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String body = "[" + event(first, "2026-11-26T10:00:00Z", source, "backup-failed", "critical",
                "Backup failed", "{\"job\":\"nightly\",\"attempt\":2}")
                + "," + event(second, "2026-11-26T11:00:00Z", source, "backup-done", "info", "Backup done", null)
                + "]";
        HttpResponse<String> stored = api.post(EVENTS, JSON, body);
        assertEquals(stored.body(), 200, stored.statusCode());
        assertTrue(stored.body(), stored.body().contains("\"stored\":2"));
        assertTrue(stored.body(), stored.body().contains("\"duplicates\":0"));

        HttpResponse<String> again = api.post(EVENTS, JSON, body);
        assertTrue(again.body(), again.body().contains("\"stored\":0"));
        assertTrue(again.body(), again.body().contains("\"duplicates\":2"));

        HttpResponse<String> list = api.get(EVENTS + "?source=" + source);
        assertEquals(list.body(), 200, list.statusCode());
        assertEquals(List.of(second.toString(), first.toString()), ids(list.body()));

        HttpResponse<String> one = api.get(EVENTS + "/" + first);
        assertEquals(200, one.statusCode());
        assertTrue(one.body(), one.body().contains("\"severity\":\"critical\""));
        assertTrue(one.body(), one.body().contains("\"payload\":{\"job\":\"nightly\",\"attempt\":2}"));
        assertTrue(one.body(), one.body().contains("\"receivedAt\":"));
    }

    @Test
    public void eventsIngestedThroughTheServiceAreFilteredAndPaged() {
        String source = uniqueSource();
        UUID device = UUID.randomUUID();
        Instant base = Instant.parse("2026-11-20T00:00:00Z");
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(new NewEvent(null, base.plusSeconds(i), i % 3 == 0 ? device : null, null, source,
                    i % 2 == 0 ? "scan-finished" : "threat-found",
                    i % 2 == 0 ? EventSeverity.INFO : EventSeverity.WARNING, "Item " + i, Map.of("i", i)));
        }
        IngestResult result = events.ingest(batch);
        assertEquals(30, result.stored());

        assertEquals(15, ids(api.get(EVENTS + "?limit=100&source=" + source + "&severity=warning").body()).size());
        assertEquals(30, ids(api.get(EVENTS + "?limit=100&source=" + source + "&severity=warning,info").body())
                .size());
        assertEquals(10, ids(api.get(EVENTS + "?limit=100&source=" + source + "&device=" + device).body()).size());
        assertEquals(15, ids(api.get(EVENTS + "?limit=100&source=" + source + "&type=scan-finished").body()).size());
        assertEquals(10, ids(api.get(EVENTS + "?limit=100&source=" + source
                + "&from=2026-11-20T00:00:10Z&to=2026-11-20T00:00:20Z").body()).size());
        assertEquals(List.of(result.ids().get(17).toString()),
                ids(api.get(EVENTS + "?source=" + source + "&q=item%2017").body()));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = api.get(EVENTS + "?limit=7&source=" + source
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(page.body(), 200, page.statusCode());
            paged.addAll(ids(page.body()));
            cursor = field(page.body(), "nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(5, pages);
        assertEquals(30, Set.copyOf(paged).size());
        assertEquals(result.ids().get(29).toString(), paged.get(0));
        assertEquals(result.ids().get(0).toString(), paged.get(29));
    }

    @Test
    public void aGroupFilterCoversTheWholeSubtree() throws Exception {
        ServiceTracker<GroupService, GroupService> tracker = new ServiceTracker<>(context, GroupService.class, null);
        tracker.open();
        GroupService groups = tracker.waitForService(60_000);
        Assume.assumeTrue("No GroupService implementation is installed; the group subtree filter is covered by"
                + " the unit tests only", groups != null);
        try {
            String source = uniqueSource();
            AdministrationGroup parent = groups.create(AdministrationGroup.MANAGED_DEVICES, "events-it-" + source,
                    Actor.system("itest"));
            AdministrationGroup child = groups.create(parent.id(), "child", Actor.system("itest"));
            Instant now = Instant.now();
            events.ingest(List.of(
                    new NewEvent(null, now, UUID.randomUUID(), parent.id(), source, "t", EventSeverity.INFO, "p",
                            null),
                    new NewEvent(null, now, UUID.randomUUID(), child.id(), source, "t", EventSeverity.INFO, "c",
                            null),
                    new NewEvent(null, now, UUID.randomUUID(), UUID.randomUUID(), source, "t", EventSeverity.INFO,
                            "elsewhere", null)));
            assertEquals(2, ids(api.get(EVENTS + "?source=" + source + "&group=" + parent.id()).body()).size());
            assertEquals(1, ids(api.get(EVENTS + "?source=" + source + "&group=" + child.id()).body()).size());
            assertProblem(api.get(EVENTS + "?group=" + UUID.randomUUID()), 422, "\"field\":\"group\"");
        } finally {
            tracker.close();
        }
    }

    @Test
    public void theCsvExportIsStreamedQuotedAndFormulaSafe() {
        String source = uniqueSource();
        events.ingest(List.of(
                new NewEvent(null, Instant.parse("2026-11-26T09:00:00Z"), null, null, source, "note",
                        EventSeverity.INFO, "=HYPERLINK(\"http://evil\",\"click\")", null),
                new NewEvent(null, Instant.parse("2026-11-26T09:00:01Z"), null, null, source, "note",
                        EventSeverity.WARNING, "disk C:, 95% \"full\"\nsecond line", Map.of("free", 5))));
        HttpResponse<String> csv = api.get(EVENTS + "/export.csv?source=" + source);
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("events.csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("id,occurredAt,receivedAt,severity,source,type,deviceId,groupId,description,payload", lines[0]);
        assertTrue(csv.body(), csv.body().contains(",\"disk C:, 95% \"\"full\"\"\nsecond line\",\"{\"\"free\"\":5}\""));
        assertTrue(csv.body(), csv.body().contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","));
        assertEquals("header and two records, one spanning two lines", 3, lines.length);
        assertProblem(api.get(EVENTS + "/export.csv?severity=loud"), 422, "\"field\":\"severity\"");
    }

    @Test
    public void badInputIsRefusedWithProblemReportsAndNothingIsStored() {
        String source = uniqueSource();
        assertProblem(api.post(EVENTS, JSON, "[{\"occurredAt\":\"2026-11-26T10:00:00Z\",\"source\":"), 400, null);
        assertProblem(api.post(EVENTS, JSON, "[{\"occurredAt\":\"2026-11-26T10:00:00Z\",\"source\":\"" + source
                + "\",\"type\":\"x\",\"severity\":\"info\",\"colour\":\"red\"}]"), 400, "colour");
        assertProblem(api.post(EVENTS, JSON, "{\"source\":\"" + source + "\"}"), 400, null);

        HttpResponse<String> wrongSeverity = api.post(EVENTS, JSON, "[" + event(null, "2026-11-26T10:00:00Z",
                source, "ok", "info", "fine", null) + "," + event(null, "2026-11-26T10:00:00Z", source, "bad",
                "fatal", "no such severity", null) + "]");
        assertProblem(wrongSeverity, 422, "\"field\":\"[1].severity\"");

        HttpResponse<String> invalid = api.post(EVENTS, JSON, "[" + event(null, "2026-11-26T10:00:00Z", source,
                "ok", "info", "fine", null) + ",{\"source\":\"" + source + "\",\"type\":\"no time\",\"severity\":"
                + "\"info\"},{\"occurredAt\":\"2026-11-26T10:00:00Z\",\"source\":\"core\",\"type\":"
                + "\"device-inactive\",\"payload\":{\"inactiveDays\":\"many\"}}]");
        assertProblem(invalid, 422, "\"field\":\"[1].occurredAt\"");
        assertTrue(invalid.body(), invalid.body().contains("\"field\":\"[1].type\""));
        assertTrue(invalid.body(), invalid.body().contains("\"field\":\"[2].payload/lastVisibleAt\""));
        assertTrue(invalid.body(), invalid.body().contains("\"field\":\"[2].payload/inactiveDays\""));

        StringBuilder oversize = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            oversize.append(i == 0 ? "" : ",").append(event(null, "2026-11-26T10:00:00Z", source, "bulk", "info",
                    "", null));
        }
        assertProblem(api.post(EVENTS, JSON, oversize.append(']').toString()), 413, "10000");

        assertEquals(0, events.query(new EventQuery(null, null, null, null, null, null, Set.of(source), null),
                PageRequest.first()).items().size());

        assertProblem(api.get(EVENTS + "/" + UUID.randomUUID()), 404, "does not exist");
        assertProblem(api.get(EVENTS + "/not-an-id"), 422, "\"field\":\"id\"");
        HttpResponse<String> filters = api.get(EVENTS + "?from=yesterday&device=42&severity=loud&limit=ten");
        assertProblem(filters, 422, "\"field\":\"limit\"");
        assertProblem(api.get(EVENTS + "?from=yesterday&device=42&severity=loud"), 422, "\"field\":\"from\"");
        HttpResponse<String> all = api.get(EVENTS + "?from=yesterday&device=42&severity=loud");
        assertTrue(all.body(), all.body().contains("\"field\":\"device\"")
                && all.body().contains("\"field\":\"severity\""));
        assertProblem(api.get(EVENTS + "?cursor=garbage"), 422, "\"field\":\"cursor\"");
    }

    @Test
    public void aDeviceHasItsOwnEventListing() {
        UUID device = UUID.randomUUID();
        events.ingest(List.of(NewEvent.of(Instant.now(), device, "core", "device-added", null, "added")));
        HttpResponse<String> listing = api.get("/api/v1/devices/" + device + "/events");
        boolean devicesKnown = context.getServiceReference("org.garrison.api.device.DeviceService") != null;
        if (devicesKnown) {
            // the device service does not know this made-up device
            assertProblem(listing, 404, "does not exist");
        } else {
            assertEquals(listing.body(), 200, listing.statusCode());
            assertEquals(1, ids(listing.body()).size());
            assertTrue(listing.body(), listing.body().contains("\"severity\":\"info\""));
        }
        assertProblem(api.get("/api/v1/devices/nope/events"), 422, "\"field\":\"deviceId\"");
    }

    @Test
    public void eventTypesAndOperationsArePublished() {
        HttpResponse<String> types = api.get("/api/v1/event-types?limit=1000");
        assertEquals(types.body(), 200, types.statusCode());
        assertTrue(types.body(), types.body().contains("\"type\":\"device-inactive\""));
        assertTrue(types.body(), types.body().contains("\"defaultSeverity\":\"warning\""));
        assertTrue(types.body(), types.body().contains("\"payloadSchema\":{"));
        String openapi = api.get("/api/v1/openapi.json").body();
        for (String expected : List.of("\"/events\"", "\"/events/{id}\"", "\"/events/export.csv\"",
                "\"/devices/{deviceId}/events\"", "\"/event-types\"", "\"submitEvents\"", "\"listEvents\"")) {
            assertTrue(expected, openapi.contains(expected));
        }
    }

    @Test
    public void retentionKeepsTheConfiguredNumberAndAge() throws Exception {
        String source = uniqueSource();
        Instant future = Instant.now().plus(Duration.ofDays(3));
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(new NewEvent(null, future.plusSeconds(i), null, null, source, "keep", EventSeverity.INFO,
                    "#" + i, null));
        }
        batch.add(new NewEvent(null, Instant.now().minus(Duration.ofDays(40)), null, null, source, "old",
                EventSeverity.INFO, "too old", null));
        IngestResult stored = events.ingest(batch);
        org.osgi.service.cm.Configuration config = configurations.getConfiguration("org.garrison.events", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("maxEvents", 5L);
        properties.put("maxAgeDays", 30);
        properties.put("retentionIntervalSeconds", 1);
        properties.put("retentionBatchSize", 2);
        config.update(properties);
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            long total;
            do {
                Thread.sleep(500);
                total = events.export(EventQuery.all(), event -> { });
            } while (total > 5 && Instant.now().isBefore(deadline));
            assertEquals(5, total);
            List<Event> kept = events.query(EventQuery.all(), PageRequest.first()).items();
            assertEquals(List.of(stored.ids().get(7), stored.ids().get(6), stored.ids().get(5),
                    stored.ids().get(4), stored.ids().get(3)), kept.stream().map(Event::id).toList());
            assertProblem(api.get(EVENTS + "/" + stored.ids().get(8)), 404, null);
        } finally {
            config.delete();
        }
    }

    @Test
    public void theShellCommandsListAndTailEvents() throws Exception {
        String source = uniqueSource();
        events.ingest(List.of(NewEvent.of(Instant.now().plus(Duration.ofHours(2)), null, source, "shell-check",
                EventSeverity.CRITICAL, "seen from the shell")));
        String tail = execute("garrison:event-tail -n 5");
        assertTrue(tail, tail.contains("seen from the shell"));
        String list = execute("garrison:event-list --source " + source + " -s critical");
        assertTrue(list, list.contains("shell-check"));
        assertTrue(list, list.contains("critical"));
        String none = execute("garrison:event-list --source " + source + " -s info");
        assertFalse(none, none.contains("shell-check"));
    }

    private String execute(String command) throws Exception {
        return new KarafShell(context).execute(command);
    }

    private static String uniqueSource() {
        return "itest." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String event(UUID id, String at, String source, String type, String severity, String description,
            String payload) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"occurredAt\":\"" + at + "\",\"source\":\""
                + source + "\",\"type\":\"" + type + "\",\"severity\":\"" + severity + "\",\"description\":\""
                + description + "\"" + (payload == null ? "" : ",\"payload\":" + payload) + "}";
    }

    /** The ids of the items of a page, in order (each item's own "id", not its device's or group's). */
    private static List<String> ids(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"").matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertNotNull(response.body());
        if (detail != null) {
            assertTrue(response.body(), response.body().contains(detail));
        }
    }
}
