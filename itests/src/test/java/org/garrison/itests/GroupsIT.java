package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.garrison.api.Actor;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupMembers;
import org.garrison.api.group.GroupService;
import org.junit.After;
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
import org.osgi.framework.ServiceRegistration;

/**
 * Administration groups, their device settings, the revision history and the deleted-objects registry in the
 * running server, through the real HTTP API: good paths, and refusals that answer problem+json and change nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GroupsIT {

    private static final String JSON = "application/json";
    private static final String GROUPS = "/api/v1/groups";
    private static final String ROOT = AdministrationGroup.MANAGED_DEVICES.toString();
    private static final String UNASSIGNED = AdministrationGroup.UNASSIGNED_DEVICES.toString();

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    private GroupService groups;

    private final Api api = Api.local();
    private final Things things = new Things();
    private ServiceRegistration<GroupMembers> thingsRegistration;

    @Configuration
    public Option[] config() {
        return GarrisonContainer.options();
    }

    @Before
    public void serverIsUp() throws InterruptedException {
        ContainerStartup.awaitApi(api, context, GROUPS, "/api/v1/revisions", "/api/v1/deleted-objects");
        thingsRegistration = context.registerService(GroupMembers.class, things, new Hashtable<>());
    }

    @After
    public void removeThings() {
        thingsRegistration.unregister();
    }

    @Test
    public void aTreeIsBuiltRenamedAndMovedWithItsSubtree() {
        String suffix = suffix();
        String berlin = create(ROOT, "Berlin " + suffix);
        String floor = create(berlin, "Floor 1");
        String desk = create(floor, "Desk");
        String paris = create(ROOT, "Paris " + suffix);

        HttpResponse<String> renamed = patch(GROUPS + "/" + floor, "{\"name\":\"  Etage 1 \"}");
        assertEquals(renamed.body(), 200, renamed.statusCode());
        assertEquals("Etage 1", field(renamed.body(), "name"));

        HttpResponse<String> moved = api.post(GROUPS + "/" + floor + "/move", JSON, "{\"parentId\":\"" + paris + "\"}");
        assertEquals(moved.body(), 200, moved.statusCode());
        assertEquals(paris, field(moved.body(), "parentId"));
        assertEquals(floor, field(api.get(GROUPS + "/" + desk).body(), "parentId"));
        assertEquals(Set.of(UUID.fromString(paris), UUID.fromString(floor), UUID.fromString(desk)),
                groups.subtree(UUID.fromString(paris)));

        String list = api.get(GROUPS + "?limit=1000").body();
        assertTrue(list, list.indexOf(paris) < list.indexOf(floor) && list.indexOf(floor) < list.indexOf(desk));
        assertTrue(list, list.contains("\"deviceCount\":0"));
        String tree = api.get(GROUPS + "/tree").body();
        assertTrue(tree, tree.contains("{\"id\":\"" + floor + "\",\"name\":\"Etage 1\",\"builtIn\":false,"
                + "\"deviceCount\":0,\"subtreeDeviceCount\":0,\"children\":[{\"id\":\"" + desk + "\""));
        assertTrue(tree, tree.startsWith("[{\"id\":\"" + ROOT + "\",\"name\":\"Managed devices\",\"builtIn\":true"));
    }

    @Test
    public void theGroupListPages() {
        String first = api.get(GROUPS + "?limit=1").body();
        String cursor = field(first, "nextCursor");
        assertNotNull(first, cursor);
        assertTrue(first, first.contains(ROOT));
        String second = api.get(GROUPS + "?limit=1&cursor=" + cursor).body();
        assertEquals(ROOT, field(first, "id"));
        assertFalse(second, ROOT.equals(field(second, "id")));
    }

    @Test
    public void badInputIsRefusedWithProblemReportsAndChangesNothing() {
        String suffix = suffix();
        String top = create(ROOT, "Top " + suffix);
        String child = create(top, "Child");
        String before = api.get(GROUPS + "?limit=1000").body();
        String revisionsBefore = api.get("/api/v1/revisions?objectType=administration-group&limit=1").body();

        assertProblem(api.post(GROUPS + "/" + top + "/move", JSON, "{\"parentId\":\"" + child + "\"}"), 409,
                "cannot be moved under itself");
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":\"" + ROOT + "\",\"name\":\"TOP " + suffix + "\"}"),
                409, "exists already");
        assertProblem(patch(GROUPS + "/" + ROOT, "{\"name\":\"Mine\"}"), 409, "cannot be renamed");
        assertProblem(api.post(GROUPS + "/" + UNASSIGNED + "/move", JSON, "{\"parentId\":\"" + top + "\"}"), 409,
                "cannot be moved");
        assertProblem(delete(GROUPS + "/" + ROOT + "?mode=with-members"), 409, "cannot be deleted");
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":\"" + UNASSIGNED + "\",\"name\":\"x\"}"), 422,
                "parentId");
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":\"" + ROOT + "\",\"name\":\" \"}"), 422, "name");
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":\"" + ROOT + "\",\"name\":\"a\\nb\"}"), 422,
                "control characters");
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":\"" + ROOT + "\",\"name\":\"" + "x".repeat(256) + "\"}"),
                422, "255");
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":\"" + UUID.randomUUID() + "\",\"name\":\"x\"}"), 404,
                "does not exist");
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":\"not-a-uuid\",\"name\":\"x\"}"), 400, null);
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":\"" + ROOT + "\",\"name\":\"x\",\"colour\":1}"), 400,
                "colour");
        assertProblem(api.post(GROUPS, JSON, "{\"parentId\":"), 400, null);
        assertProblem(api.get(GROUPS + "/not-a-uuid"), 422, "id");
        assertProblem(api.get(GROUPS + "/" + UUID.randomUUID()), 404, "does not exist");
        assertProblem(delete(GROUPS + "/" + child + "?mode=everything"), 422, "mode");
        assertProblem(api.get(GROUPS + "?cursor=garbage"), 422, "cursor");
        assertProblem(api.get(GROUPS + "?limit=0"), 422, "limit");
        assertProblem(put(GROUPS + "/" + top + "/device-settings", "{\"inheritFromParent\":false,"
                + "\"forceOnChildren\":false,\"statusConditions\":[{\"type\":\"NOT_SEEN_DAYS\",\"enabled\":true,"
                + "\"warningThreshold\":40,\"criticalThreshold\":30}],\"inactivity\":{}}"), 422,
                "statusConditions/0/warningThreshold");
        assertProblem(put(GROUPS + "/" + top + "/device-settings", "{\"inheritFromParent\":false,"
                + "\"forceOnChildren\":false,\"statusConditions\":[{\"type\":\"NO_SUCH\",\"enabled\":true}],"
                + "\"inactivity\":{}}"), 400, null);

        assertEquals(before, api.get(GROUPS + "?limit=1000").body());
        assertEquals(revisionsBefore, api.get("/api/v1/revisions?objectType=administration-group&limit=1").body());
        assertTrue(api.get(GROUPS + "/" + top + "/device-settings").body().contains("\"inheritFromParent\":true"));
    }

    @Test
    public void deletionModesGuardSubgroupsAndMembers() {
        String suffix = suffix();
        String top = create(ROOT, "Doomed " + suffix);
        String child = create(top, "Child");
        things.counts.put(UUID.fromString(child), 2L);

        assertProblem(delete(GROUPS + "/" + top), 409, "subgroup");
        assertProblem(delete(GROUPS + "/" + top + "?mode=with-subgroups"), 409, "2 itest-things");
        assertEquals(200, api.get(GROUPS + "/" + child).statusCode());

        assertEquals(204, delete(GROUPS + "/" + top + "?mode=with-members").statusCode());
        assertEquals(Set.of(UUID.fromString(top), UUID.fromString(child)), things.released);
        assertProblem(api.get(GROUPS + "/" + child), 404, null);
        String deleted = api.get("/api/v1/deleted-objects?objectType=administration-group&limit=1000").body();
        assertTrue(deleted, deleted.contains("\"objectId\":\"" + top + "\""));
        assertTrue(deleted, deleted.contains("\"objectId\":\"" + child + "\""));

        String empty = create(ROOT, "Empty " + suffix);
        assertEquals(204, delete(GROUPS + "/" + empty).statusCode());
        String emptyTree = create(ROOT, "Empty tree " + suffix);
        create(emptyTree, "Leaf");
        assertEquals(204, delete(GROUPS + "/" + emptyTree + "?mode=with-subgroups").statusCode());
    }

    @Test
    public void aRenameIsInTheRevisionHistoryAndCanBeRestored() {
        String suffix = suffix();
        String group = create(ROOT, "Sales " + suffix);
        assertEquals(200, patch(GROUPS + "/" + group, "{\"name\":\"Marketing " + suffix + "\"}").statusCode());

        String history = api.get("/api/v1/revisions?objectType=administration-group&objectId=" + group).body();
        List<String> numbers = all(history, "\"number\":(\\d+)");
        assertEquals(List.of("2", "1"), numbers);
        assertTrue(history, history.contains("\"action\":\"renamed\""));
        assertTrue(history, history.contains("{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Marketing " + suffix
                + "\"}"));
        String first = revisionId(history, 1);

        HttpResponse<String> single = api.get("/api/v1/revisions/" + first);
        assertEquals(200, single.statusCode());
        assertTrue(single.body(), single.body().contains("\"snapshot\":{\"id\":\"" + group + "\""));

        HttpResponse<String> restored = api.post("/api/v1/revisions/" + first + "/restore", JSON, "");
        assertEquals(restored.body(), 200, restored.statusCode());
        assertTrue(restored.body(), restored.body().contains("\"action\":\"restored\""));
        assertTrue(restored.body(), restored.body().contains("\"number\":3"));
        assertEquals("Sales " + suffix, field(api.get(GROUPS + "/" + group).body(), "name"));

        assertProblem(api.get("/api/v1/revisions?objectId=" + group), 422, "objectType");
        assertProblem(api.get("/api/v1/revisions/" + UUID.randomUUID()), 404, null);
        assertProblem(api.post("/api/v1/revisions/" + UUID.randomUUID() + "/restore", JSON, ""), 404, null);
    }

    @Test
    public void aDeletedGroupIsListedRestoredAndPurged() {
        String suffix = suffix();
        String parent = create(ROOT, "Parent " + suffix);
        String child = create(parent, "Child");
        assertEquals(204, delete(GROUPS + "/" + parent + "?mode=with-subgroups").statusCode());

        String listing = api.get("/api/v1/deleted-objects?objectType=administration-group&limit=1000").body();
        String childEntry = entryOf(listing, child);
        String parentEntry = entryOf(listing, parent);

        assertProblem(api.post("/api/v1/deleted-objects/" + childEntry + "/restore", JSON, ""), 409,
                "Restore the parent group first");
        assertEquals(200, api.get("/api/v1/deleted-objects/" + childEntry).statusCode());

        HttpResponse<String> restoredParent = api.post("/api/v1/deleted-objects/" + parentEntry + "/restore", JSON,
                "");
        assertEquals(restoredParent.body(), 200, restoredParent.statusCode());
        assertTrue(restoredParent.body(), restoredParent.body().contains("\"action\":\"restored\""));
        assertEquals(200, api.post("/api/v1/deleted-objects/" + childEntry + "/restore", JSON, "").statusCode());
        assertEquals(parent, field(api.get(GROUPS + "/" + child).body(), "parentId"));
        assertProblem(api.get("/api/v1/deleted-objects/" + childEntry), 404, null);

        String doomed = create(ROOT, "Purged " + suffix);
        assertEquals(204, delete(GROUPS + "/" + doomed).statusCode());
        String entry = entryOf(api.get("/api/v1/deleted-objects?objectType=administration-group&limit=1000").body(),
                doomed);
        assertEquals(204, delete("/api/v1/deleted-objects/" + entry).statusCode());
        assertProblem(delete("/api/v1/deleted-objects/" + entry), 404, null);
        assertProblem(api.post("/api/v1/deleted-objects/" + entry + "/restore", JSON, ""), 404, null);
    }

    @Test
    public void effectiveSettingsFollowForceOnChildren() {
        String suffix = suffix();
        String office = create(ROOT, "Office " + suffix);
        String floor = create(office, "Floor");

        String inherited = api.get(GROUPS + "/" + floor + "/device-settings/effective").body();
        assertEquals(ROOT, field(inherited, "sourceGroupId"));
        assertTrue(inherited, inherited.contains("\"forced\":false"));

        HttpResponse<String> forced = put(GROUPS + "/" + office + "/device-settings", "{\"inheritFromParent\":false,"
                + "\"forceOnChildren\":true,\"statusConditions\":[{\"type\":\"THREATS_DETECTED\",\"enabled\":true,"
                + "\"warningThreshold\":1,\"criticalThreshold\":5}],\"inactivity\":{\"notifyAfterDays\":5}}");
        assertEquals(forced.body(), 200, forced.statusCode());
        assertEquals(200, put(GROUPS + "/" + floor + "/device-settings", "{\"inheritFromParent\":false,"
                + "\"forceOnChildren\":false,\"statusConditions\":[],\"inactivity\":{\"notifyAfterDays\":9}}")
                .statusCode());

        String effective = api.get(GROUPS + "/" + floor + "/device-settings/effective").body();
        assertEquals(office, field(effective, "sourceGroupId"));
        assertTrue(effective, effective.contains("\"forced\":true"));
        assertTrue(effective, effective.contains("\"notifyAfterDays\":5"));
        assertTrue(effective, effective.contains("THREATS_DETECTED"));
        assertTrue(api.get(GROUPS + "/" + floor + "/device-settings").body().contains("\"notifyAfterDays\":9"));
        String history = api.get("/api/v1/revisions?objectType=administration-group&objectId=" + office).body();
        assertTrue(history, history.contains("\"action\":\"updated\""));
        assertProblem(api.get(GROUPS + "/" + UUID.randomUUID() + "/device-settings/effective"), 404, null);
    }

    @Test
    public void theOpenApiDocumentDescribesGroupsAndAudit() {
        String openapi = api.get("/api/v1/openapi.json").body();
        for (String operation : List.of("listGroups", "getGroupTree", "createGroup", "renameGroup", "moveGroup",
                "deleteGroup", "updateGroupDeviceSettings", "getEffectiveGroupDeviceSettings", "listRevisions",
                "restoreRevision", "listDeletedObjects", "restoreDeletedObject", "purgeDeletedObject")) {
            assertTrue(operation,
                    Pattern.compile("\"operationId\"\\s*:\\s*\"" + operation + "\"").matcher(openapi).find());
        }
    }

    @Test
    public void theShellShowsCreatesMovesAndDeletesGroups() throws Exception {
        KarafShell shell = new KarafShell(context);
        String suffix = suffix();
        String created = shell.execute("garrison:group-create \"Managed devices\" \"Shell " + suffix + "\"");
        assertTrue(created, created.contains("Created Managed devices/Shell " + suffix));
        shell.execute("garrison:group-create \"Managed devices/Shell " + suffix + "\" Inner");
        String tree = shell.execute("garrison:group-tree --ids");
        assertTrue(tree, tree.contains("  Shell " + suffix + "  [0/0]"));
        assertTrue(tree, tree.contains("    Inner  [0/0]"));
        String moved = shell.execute("garrison:group-move \"Managed devices/Shell " + suffix
                + "/Inner\" \"Managed devices\"");
        assertTrue(moved, moved.contains("Moved to Managed devices/Inner"));
        String deleted = shell.execute("garrison:group-delete \"Managed devices/Inner\"");
        assertTrue(deleted, deleted.contains("Deleted Managed devices/Inner"));
    }

    private String create(String parent, String name) {
        HttpResponse<String> response = api.post(GROUPS, JSON,
                "{\"parentId\":\"" + parent + "\",\"name\":\"" + name + "\"}");
        assertEquals(response.body(), 201, response.statusCode());
        String id = field(response.body(), "id");
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith(GROUPS + "/" + id));
        return id;
    }

    private HttpResponse<String> patch(String path, String body) {
        return api.send(request(path).header("Content-Type", JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(String path, String body) {
        return api.send(request(path).header("Content-Type", JSON).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> delete(String path) {
        return api.send(request(path).DELETE());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty(GarrisonContainer.HTTP_PORT)
                + path));
    }

    /** The id of the deleted-objects entry of an object, from a listing. */
    private static String entryOf(String listing, String objectId) {
        Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"objectType\":\"administration-group\","
                + "\"objectId\":\"" + objectId + "\"").matcher(listing);
        assertTrue(listing, m.find());
        return m.group(1);
    }

    private static String revisionId(String listing, int number) {
        Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"objectType\":\"[^\"]+\",\"objectId\":\"[^\"]+\","
                + "\"number\":" + number + ",").matcher(listing);
        assertTrue(listing, m.find());
        return m.group(1);
    }

    private static List<String> all(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        if (detail != null) {
            assertTrue(response.body(), response.body().contains(detail));
        }
    }

    /** Members of a kind the test makes up, to exercise the deletion rules without devices. */
    private static final class Things implements GroupMembers {

        final Map<UUID, Long> counts = new ConcurrentHashMap<>();
        volatile Set<UUID> released = Set.of();

        @Override
        public String kind() {
            return "itest-things";
        }

        @Override
        public Map<UUID, Long> countByGroup(Set<UUID> groupIds) {
            Map<UUID, Long> result = new HashMap<>(counts);
            result.keySet().retainAll(new HashSet<>(groupIds));
            return result;
        }

        @Override
        public void release(Set<UUID> groupIds, Actor actor) {
            released = Set.copyOf(groupIds);
            counts.keySet().removeAll(groupIds);
        }
    }
}
