package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;

import org.garrison.api.account.BuiltInRole;
import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.garrison.api.group.AdministrationGroup;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The data inventory in the running server, through the real HTTP API: every core area declares what it stores, the
 * filters narrow the list, a provider registered while the server runs (as the extender does for a plugin) appears
 * and disappears with its service, and only callers allowed to read the audit trail see it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DataInventoryIT {

    private static final String INVENTORY = "/api/v1/data-inventory";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The id prefix of each core area's items: every one of them must be in the inventory. */
    private static final List<String> CORE_AREAS = List.of("account.", "audit.", "device.", "event.", "gateway.",
            "group.", "policy.", "server.", "session.", "task.");

    @Inject
    private BundleContext context;

    private final Api api = Api.local();

    @Configuration
    public Option[] config() {
        return GarrisonContainer.options();
    }

    @Before
    public void serverIsUp() throws InterruptedException {
        ContainerStartup.awaitApi(api, context, INVENTORY);
    }

    @Test
    public void everyCoreAreaDeclaresWhatItStores() throws Exception {
        JsonNode items = awaitEveryCoreArea();
        Set<String> ids = new HashSet<>();
        String previous = "";
        for (JsonNode item : items) {
            String id = item.path("id").asText();
            String key = item.path("owner").asText() + "/" + id;
            assertTrue("listed twice: " + key, ids.add(key));
            assertTrue("not sorted by owner, then id: " + previous + " before " + key,
                    compare(previous, key) < 0);
            previous = key;
            if (item.path("owner").asText().equals("core")) {
                for (String field : List.of("title", "source", "storage", "retention")) {
                    assertFalse(key + " has no " + field, item.path(field).asText("").isBlank());
                }
                assertTrue(key + " has no personal flag", item.path("personal").isBoolean());
                assertTrue(key + " has no encrypted flag", item.path("encrypted").isBoolean());
            }
        }

        JsonNode email = item(items, "core", "account.email");
        assertTrue(email.toString(), email.path("personal").asBoolean() && email.path("encrypted").asBoolean());
        assertEquals("ACCOUNTS_ACCOUNT.EMAIL", email.path("storage").asText());
        JsonNode addresses = item(items, "core", "device.network-addresses");
        assertEquals("AGENT", addresses.path("source").asText());
        assertTrue(addresses.toString(), addresses.path("personal").asBoolean());
        assertTrue(item(items, "core", "event.agent-events").path("retention").asText()
                .startsWith("the newest 400,000 events"));
        assertTrue(item(items, "core", "gateway.certificate-authority").path("encrypted").asBoolean());
    }

    @Test
    public void theFiltersNarrowTheList() throws Exception {
        JsonNode all = awaitEveryCoreArea();

        JsonNode personal = list("?personal=true");
        assertTrue(personal.size() > 0 && personal.size() < all.size());
        personal.forEach(item -> assertTrue(item.toString(), item.path("personal").asBoolean()));
        JsonNode notPersonal = list("?personal=false");
        assertEquals(all.size(), personal.size() + notPersonal.size());

        JsonNode fromAgents = list("?origin=agent");
        assertTrue(fromAgents.size() > 0);
        fromAgents.forEach(item -> assertEquals(item.toString(), "AGENT", item.path("source").asText()));

        JsonNode personalFromAdmins = list("?owner=core&personal=true&origin=ADMIN");
        assertTrue(ids(personalFromAdmins).contains("account.email"));
        personalFromAdmins.forEach(item -> assertTrue(item.toString(), item.path("owner").asText().equals("core")
                && item.path("personal").asBoolean() && item.path("source").asText().equals("ADMIN")));

        assertEquals(0, list("?owner=no-such-plugin").size());
    }

    @Test
    public void malformedFiltersAreRefusedNamingEachOne() {
        HttpResponse<String> refused = api.get(INVENTORY + "?personal=maybe&origin=somewhere");

        assertEquals(refused.body(), 422, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body(), refused.body().contains("\"field\":\"personal\"")
                && refused.body().contains("\"field\":\"origin\""));
    }

    @Test
    public void aProviderRegisteredWhileTheServerRunsAppearsAndDisappearsWithIt() throws Exception {
        String plugin = "itest-plugin-" + UUID.randomUUID().toString().substring(0, 8);
        DataInventoryProvider provider = () -> List.of(
                new DataItem("threats", plugin, "Threats detected", "File, threat and user", DataOrigin.APPLICATION,
                        "ITEST_THREAT", true, false, "90 days"),
                new DataItem("quarantine", plugin, "Quarantined files", null, DataOrigin.APPLICATION,
                        "ITEST_QUARANTINE", false, true, "until restored or deleted"));
        ServiceRegistration<DataInventoryProvider> registration = context.registerService(DataInventoryProvider.class,
                provider, new Hashtable<>());
        try {
            JsonNode listed = list("?owner=" + plugin);
            assertEquals(List.of("quarantine", "threats"), ids(listed));
            JsonNode threats = listed.get(1);
            assertEquals("APPLICATION", threats.path("source").asText());
            assertEquals("ITEST_THREAT", threats.path("storage").asText());
            assertTrue(threats.path("personal").asBoolean());
            assertEquals("90 days", threats.path("retention").asText());
            assertTrue(ids(list("")).containsAll(List.of("threats", "quarantine", "device.network-addresses")));
        } finally {
            registration.unregister();
        }

        assertEquals(0, list("?owner=" + plugin).size());
        assertTrue(ids(list("?owner=core")).contains("device.network-addresses"));
    }

    @Test
    public void aFailingProviderDoesNotHideTheOthers() throws Exception {
        int before = awaitEveryCoreArea().size();
        DataInventoryProvider broken = () -> {
            throw new IllegalStateException("a broken plugin's provider");
        };
        ServiceRegistration<DataInventoryProvider> registration = context.registerService(DataInventoryProvider.class,
                broken, new Hashtable<>());
        try {
            assertEquals(before, list("").size());
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void onlyCallersAllowedToReadTheAuditTrailSeeTheInventory() throws Exception {
        assertEquals(401, api.anonymousClient().get(INVENTORY).statusCode());

        HttpResponse<String> operator = callerWith(BuiltInRole.OPERATOR).get(INVENTORY);
        assertEquals(operator.body(), 403, operator.statusCode());
        assertEquals("application/problem+json", operator.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> auditor = callerWith(BuiltInRole.AUDITOR).get(INVENTORY);
        assertEquals(auditor.body(), 200, auditor.statusCode());
        assertTrue(auditor.body(), auditor.body().contains("\"id\":\"audit.audit-log\""));
    }

    @Test
    public void theOpenApiDocumentDescribesTheInventory() throws Exception {
        JsonNode document = JSON.readTree(api.get("/api/v1/openapi.json").body());

        JsonNode operation = document.path("paths").path("/data-inventory").path("get");
        assertEquals(operation.toString(), "audit.read", operation.path("x-garrison-permission").asText());
        List<String> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asText()));
        assertEquals(List.of("owner", "personal", "origin"), parameters);
        JsonNode item = document.path("components").path("schemas").path("DataItem");
        for (String field : List.of("id", "owner", "title", "description", "source", "storage", "personal",
                "encrypted", "retention")) {
            assertFalse("DataItem." + field + " is not described: " + item,
                    item.path("properties").path(field).path("description").asText("").isBlank());
        }
        assertEquals(item.toString(), List.of("ADMIN", "AGENT", "APPLICATION", "SERVER"),
                JSON.convertValue(item.path("properties").path("source").path("enum"), List.class));
    }

    /** The whole inventory once every core area's provider is registered (they come up with their bundles). */
    private JsonNode awaitEveryCoreArea() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            JsonNode items = list("");
            Set<String> ids = new HashSet<>(ids(items));
            List<String> missing = CORE_AREAS.stream()
                    .filter(prefix -> ids.stream().noneMatch(id -> id.startsWith(prefix))).toList();
            if (missing.isEmpty()) {
                return items;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no items of the core areas " + missing + " in " + ids);
            }
            Thread.sleep(250);
        }
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> response = api.get(INVENTORY + query);
        assertEquals(response.body(), 200, response.statusCode());
        JsonNode items = JSON.readTree(response.body()).path("items");
        assertTrue(response.body(), items.isArray());
        return items;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JsonNode item(JsonNode items, String owner, String id) {
        for (JsonNode item : items) {
            if (item.path("owner").asText().equals(owner) && item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + owner + "/" + id + " in " + items);
    }

    /** Owner first, then id: the order the inventory promises. */
    private static int compare(String previous, String key) {
        if (previous.isEmpty()) {
            return -1;
        }
        String[] a = previous.split("/", 2);
        String[] b = key.split("/", 2);
        int byOwner = a[0].compareTo(b[0]);
        return byOwner != 0 ? byOwner : a[1].compareTo(b[1]);
    }

    /** An account holding one built-in role on the whole server, calling with an API token of its own. */
    private Api callerWith(BuiltInRole role) throws Exception {
        String login = "inventory-" + role.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        String password = "Inventory-passphrase-" + UUID.randomUUID();
        HttpResponse<String> created = api.postJson("/api/v1/accounts", "{\"login\":" + Json.quote(login)
                + ",\"password\":" + Json.quote(password) + ",\"mustChangePassword\":false,\"grants\":[{\"roleId\":\""
                + role.id() + "\",\"groupId\":\"" + AdministrationGroup.MANAGED_DEVICES + "\"}]}");
        assertEquals(created.body(), 201, created.statusCode());
        Api session = api.anonymousClient();
        HttpResponse<String> signIn = session.signIn(login, password);
        assertEquals(signIn.body(), 201, signIn.statusCode());
        HttpResponse<String> token = session.postJson("/api/v1/tokens", "{\"name\":\"inventory\"}");
        assertEquals(token.body(), 201, token.statusCode());
        return session.withToken(Json.string(token.body(), "token"));
    }
}
