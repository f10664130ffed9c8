package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;

import org.garrison.api.Actor;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceService;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.policy.PolicyService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Policies in the running server, through the real HTTP API, for a plugin installed at runtime (a JAR with a
 * descriptor and a settings schema only): settings checked against the plugin's schema, one active policy per group,
 * inheritance with locks and forced inheritance, profiles by tag in a device's effective policy, delete and restore,
 * permissions, and the check of existing policies when the plugin is upgraded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PoliciesIT {

    private static final String APP = PolicyTestPlugin.APP;
    private static final String UPGRADED_APP = "itest-upgraded";
    private static final String POLICIES = "/api/v1/policies";
    private static final String ROOT = AdministrationGroup.MANAGED_DEVICES.toString();
    private static final Actor TEST = Actor.system("policies-it");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    private PluginRegistry plugins;

    @Inject
    @Filter(timeout = 120_000)
    private PolicyService policyService;

    @Inject
    @Filter(timeout = 120_000)
    private GroupService groups;

    @Inject
    @Filter(timeout = 120_000)
    private DeviceService devices;

    private final Api api = Api.local();

    @Configuration
    public Option[] config() {
        return GarrisonContainer.options();
    }

    @Before
    public void serverAndPluginAreUp() throws Exception {
        ContainerStartup.awaitApi(api, context, POLICIES);
        install(APP, "1.0.0", PolicyTestPlugin.SCHEMA);
    }

    @Test
    public void settingsAreCheckedAgainstThePluginsSchemaWithEveryProblemNamed() throws Exception {
        String group = group("Schema");
        HttpResponse<String> created = post(POLICIES, draft(group, "Valid", "INACTIVE",
                "{\"realtime\":true,\"scan\":{\"interval\":30,\"paths\":[\"C:\"]}}"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode policy = JSON.readTree(created.body());
        assertEquals(1, policy.path("revision").asInt());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith(policy.path("id").asText()));
        assertEquals(200, api.get(POLICIES + "/" + policy.path("id").asText()).statusCode());

        HttpResponse<String> refused = post(POLICIES, draft(group, "Invalid", "INACTIVE",
                "{\"realtime\":\"yes\",\"scan\":{\"interval\":0}}"));
        assertEquals(refused.body(), 422, refused.statusCode());
        Set<String> fields = fields(refused);
        assertTrue(fields.toString(), fields.contains("settings/realtime"));
        assertTrue(fields.toString(), fields.contains("settings/scan/interval"));
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        assertEquals(Set.of("application"), fields(post(POLICIES, "{\"application\":\"no-such-plugin\",\"groupId\":\""
                + group + "\",\"name\":\"X\"}")));
        assertEquals(400, post(POLICIES, "{\"application\":\"" + APP + "\",\"groupId\":\"not-a-uuid\"}").statusCode());
        assertEquals(400, post(POLICIES, "{\"application\":\"" + APP + "\",\"colour\":1}").statusCode());
        assertEquals(400, post(POLICIES, "{\"application\":").statusCode());
        assertEquals(422, api.get(POLICIES + "/not-a-uuid").statusCode());
        assertEquals(404, api.get(POLICIES + "/" + UUID.randomUUID()).statusCode());
        assertEquals(422, api.get(POLICIES + "?state=SOMETIMES").statusCode());
        assertEquals(1, JSON.readTree(api.get(POLICIES + "?group=" + group + "&application=" + APP).body())
                .path("total").asInt());
    }

    @Test
    public void aGroupHasOneActivePolicyPerApplication() throws Exception {
        String group = group("Active");
        String first = id(post(POLICIES, draft(group, "First", "ACTIVE", "{}")));
        String second = id(post(POLICIES, draft(group, "Second", "ACTIVE", "{}")));
        assertEquals("INACTIVE", field(api.get(POLICIES + "/" + first), "state"));
        assertEquals("ACTIVE", field(api.get(POLICIES + "/" + second), "state"));

        HttpResponse<String> activated = api.post(POLICIES + "/" + first + "/activate", "application/json", "");
        assertEquals(activated.body(), 200, activated.statusCode());
        assertEquals("ACTIVE", JSON.readTree(activated.body()).path("state").asText());
        assertEquals("INACTIVE", field(api.get(POLICIES + "/" + second), "state"));
        JsonNode active = JSON.readTree(api.get(POLICIES + "?group=" + group + "&state=ACTIVE").body());
        assertEquals(1, active.path("total").asInt());
        assertEquals(first, active.path("items").get(0).path("id").asText());

        HttpResponse<String> stale = api.putJson(POLICIES + "/" + second, "{\"name\":\"Second\",\"expectedRevision\":1}");
        assertEquals(stale.body(), 409, stale.statusCode());
        HttpResponse<String> revisions = api.get("/api/v1/revisions?objectType=policy&objectId=" + second);
        assertTrue(revisions.body(), revisions.body().contains("\"deactivated\""));
    }

    @Test
    public void lockedAndForcedSettingsBindTheGroupsBelow() throws Exception {
        String parent = group("Locks");
        String child = groups.create(UUID.fromString(parent), "Child", TEST).id().toString();
        String top = id(post(POLICIES, "{\"application\":\"" + APP + "\",\"groupId\":\"" + parent + "\",\"name\":\"Top\","
                + "\"state\":\"ACTIVE\",\"forceInheritance\":true,\"settings\":{\"realtime\":true,\"firewall\":\"normal\","
                + "\"scan\":{\"interval\":60}},\"lockedSettings\":[\"realtime\",\"scan\"]}"));

        HttpResponse<String> locked = post(POLICIES, draft(child, "Child", "ACTIVE",
                "{\"realtime\":false,\"scan\":{\"interval\":5},\"firewall\":\"strict\"}"));
        assertEquals(Set.of("settings/realtime", "settings/scan/interval"), fields(locked));
        assertTrue(locked.body(), locked.body().contains("locked by the policy \\\"Top\\\""));
        HttpResponse<String> alone = post(POLICIES, "{\"application\":\"" + APP + "\",\"groupId\":\"" + child
                + "\",\"name\":\"Alone\",\"inheritFromParent\":false}");
        assertEquals(Set.of("inheritFromParent"), fields(alone));

        String own = id(post(POLICIES, draft(child, "Child", "ACTIVE", "{\"realtime\":true,\"firewall\":\"strict\"}")));
        JsonNode effective = JSON.readTree(api.get("/api/v1/groups/" + child + "/effective-policy/" + APP).body());
        assertEquals("{\"realtime\":true,\"firewall\":\"strict\",\"scan\":{\"interval\":60}}",
                JSON.writeValueAsString(effective.path("settings")));
        assertEquals(top, effective.path("origins").path("scan/interval").path("policyId").asText());
        assertEquals(own, effective.path("origins").path("firewall").path("policyId").asText());
        assertEquals(child, effective.path("origins").path("firewall").path("groupId").asText());
        assertEquals("[\"realtime\",\"scan\"]", JSON.writeValueAsString(effective.path("lockedSettings")));
        assertEquals(2, effective.path("policies").size());
        assertEquals(64, effective.path("hash").asText().length());
        assertEquals(404, api.get("/api/v1/groups/" + UUID.randomUUID() + "/effective-policy/" + APP).statusCode());
        assertEquals("{}", JSON.writeValueAsString(JSON.readTree(api.get("/api/v1/groups/" + ROOT
                + "/effective-policy/no-such-app").body()).path("settings")));
    }

    @Test
    public void profilesMatchingADevicesTagsShapeItsEffectivePolicy() throws Exception {
        String group = group("Profiles");
        String policy = id(post(POLICIES, "{\"application\":\"" + APP + "\",\"groupId\":\"" + group + "\",\"name\":"
                + "\"Fleet\",\"state\":\"ACTIVE\",\"settings\":{\"realtime\":true,\"scan\":{\"interval\":60}},"
                + "\"profiles\":[{\"name\":\"Laptops\",\"settings\":{\"scan\":{\"interval\":240}},"
                + "\"lockedSettings\":[\"scan\"],\"rules\":[{\"attribute\":\"TAG\",\"values\":[\"laptop\"]}]}]}"));
        UUID laptop = devices.register(new DeviceRegistration("policy-laptop-" + suffix(),
                UUID.fromString(group), null), TEST).id();
        UUID desktop = devices.register(new DeviceRegistration("policy-desktop-" + suffix(),
                UUID.fromString(group), null), TEST).id();
        devices.tag(Set.of(laptop), Set.of("Laptop"), Set.of(), TEST);

        HttpResponse<String> answer = api.get("/api/v1/devices/" + laptop + "/effective-policy/" + APP);
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode onLaptop = JSON.readTree(answer.body());
        assertEquals(laptop.toString(), onLaptop.path("deviceId").asText());
        assertEquals(240, onLaptop.path("settings").path("scan").path("interval").asInt());
        assertEquals("Laptops", onLaptop.path("origins").path("scan/interval").path("profile").asText());
        assertEquals(policy, onLaptop.path("origins").path("realtime").path("policyId").asText());
        assertEquals("[\"scan\"]", JSON.writeValueAsString(onLaptop.path("lockedSettings")));

        JsonNode onDesktop = JSON.readTree(api.get("/api/v1/devices/" + desktop + "/effective-policy/" + APP).body());
        assertEquals(60, onDesktop.path("settings").path("scan").path("interval").asInt());
        assertTrue(onDesktop.path("origins").path("scan/interval").path("profile").isMissingNode());
        assertFalse(onLaptop.path("hash").asText().equals(onDesktop.path("hash").asText()));

        assertEquals("the devices area still answers for the device itself", 200,
                api.get("/api/v1/devices/" + laptop).statusCode());
        assertEquals(404, api.get("/api/v1/devices/" + UUID.randomUUID() + "/effective-policy/" + APP).statusCode());

        KarafShell shell = new KarafShell(context);
        String effectiveText = shell.execute("garrison:policy-effective " + laptop + " " + APP);
        assertTrue(effectiveText, effectiveText.contains("scan/interval") && effectiveText.contains("240")
                && effectiveText.contains("profile \"Laptops\""));
        String shown = shell.execute("garrison:policy-show " + policy);
        assertTrue(shown, shown.contains("Fleet") && shown.contains("when TAG is one of laptop"));
        String listed = shell.execute("garrison:policy-list --group " + group);
        assertTrue(listed, listed.contains(policy) && listed.contains("1 policy"));

        HttpResponse<String> profiles = api.get(POLICIES + "/" + policy + "/profiles");
        assertEquals(profiles.body(), 200, profiles.statusCode());
        String profileId = JSON.readTree(profiles.body()).get(0).path("id").asText();
        HttpResponse<String> disabled = api.putJson(POLICIES + "/" + policy + "/profiles/" + profileId,
                "{\"name\":\"Laptops\",\"enabled\":false,\"settings\":{},\"rules\":[{\"attribute\":\"TAG\","
                        + "\"values\":[\"laptop\"]}]}");
        assertEquals(disabled.body(), 200, disabled.statusCode());
        assertEquals(60, JSON.readTree(api.get("/api/v1/devices/" + laptop + "/effective-policy/" + APP).body())
                .path("settings").path("scan").path("interval").asInt());
    }

    @Test
    public void aDeletedPolicyIsRestoredFromTheDeletedObjects() throws Exception {
        String group = group("Restore");
        String policy = id(post(POLICIES, draft(group, "Doomed", "ACTIVE", "{\"firewall\":\"strict\"}")));
        assertEquals(204, api.delete(POLICIES + "/" + policy).statusCode());
        assertEquals(404, api.get(POLICIES + "/" + policy).statusCode());

        JsonNode deleted = JSON.readTree(api.get("/api/v1/deleted-objects?objectType=policy&limit=1000").body());
        String entry = null;
        for (JsonNode item : deleted.path("items")) {
            if (policy.equals(item.path("objectId").asText())) {
                entry = item.path("id").asText();
            }
        }
        assertTrue(deleted.toString(), entry != null);
        HttpResponse<String> restored = api.post("/api/v1/deleted-objects/" + entry + "/restore", "application/json",
                "");
        assertEquals(restored.body(), 200, restored.statusCode());
        JsonNode back = JSON.readTree(api.get(POLICIES + "/" + policy).body());
        assertEquals("strict", back.path("settings").path("firewall").asText());
        assertEquals("ACTIVE", back.path("state").asText());
    }

    @Test
    public void aRoleWithoutPoliciesWriteCanReadButNotChange() throws Exception {
        String group = group("Permissions");
        String policy = PolicyTestPlugin.policyIn(policyService, UUID.fromString(group), TEST).toString();
        HttpResponse<String> role = api.postJson("/api/v1/roles", "{\"name\":\"Policy readers " + suffix()
                + "\",\"permissions\":[\"policies.read\"]}");
        assertEquals(role.body(), 201, role.statusCode());
        String login = "policy-reader-" + suffix();
        String password = "Reader-passphrase-" + UUID.randomUUID();
        HttpResponse<String> account = api.postJson("/api/v1/accounts", "{\"login\":\"" + login + "\",\"password\":\""
                + password + "\",\"mustChangePassword\":false,\"grants\":[{\"roleId\":\""
                + JSON.readTree(role.body()).path("id").asText() + "\",\"groupId\":\"" + ROOT + "\"}]}");
        assertEquals(account.body(), 201, account.statusCode());
        Api reader = api.anonymousClient();
        assertEquals(201, reader.signIn(login, password).statusCode());

        assertEquals(200, reader.get(POLICIES + "/" + policy).statusCode());
        assertEquals(200, reader.get(POLICIES).statusCode());
        assertEquals(403, reader.postJson(POLICIES, draft(group, "Nope", "INACTIVE", "{}")).statusCode());
        assertEquals(403, reader.putJson(POLICIES + "/" + policy, "{\"name\":\"Nope\"}").statusCode());
        assertEquals(403, reader.post(POLICIES + "/" + policy + "/activate", "application/json", "").statusCode());
        assertEquals(403, reader.delete(POLICIES + "/" + policy).statusCode());
        assertEquals(401, api.anonymousClient().get(POLICIES).statusCode());
        assertEquals(1, JSON.readTree(api.get(POLICIES + "/" + policy).body()).path("revision").asInt());
    }

    @Test
    public void anUpgradedPluginMarksPoliciesThatNoLongerMatchWithoutChangingThem() throws Exception {
        Bundle bundle = install(UPGRADED_APP, "1.0.0", PolicyTestPlugin.SCHEMA);
        String group = group("Upgrade");
        String slow = id(post(POLICIES, "{\"application\":\"" + UPGRADED_APP + "\",\"groupId\":\"" + group
                + "\",\"name\":\"Slow scans\",\"state\":\"ACTIVE\",\"settings\":{\"scan\":{\"interval\":120}}}"));

        bundle.update(new ByteArrayInputStream(PolicyTestPlugin.jar(UPGRADED_APP, "2.0.0",
                PolicyTestPlugin.STRICTER_SCHEMA)));
        PolicyTestPlugin.awaitActive(plugins, UPGRADED_APP, "2.0.0");
        JsonNode invalid = awaitInvalid(slow);
        assertEquals("2.0.0", invalid.path("checkedAgainst").asText());
        assertEquals("settings/scan/interval", invalid.path("problems").get(0).path("field").asText());
        assertEquals(120, invalid.path("settings").path("scan").path("interval").asInt());
        assertEquals(1, invalid.path("revision").asInt());

        String events = api.get("/api/v1/events?type=policy-invalid&source=core&limit=100").body();
        assertTrue(events, events.contains(slow));
        HttpResponse<String> stillRefused = api.putJson(POLICIES + "/" + slow, "{\"name\":\"Slow scans\","
                + "\"settings\":{\"scan\":{\"interval\":120}}}");
        assertEquals(Set.of("settings/scan/interval"), fields(stillRefused));
        HttpResponse<String> fixed = api.putJson(POLICIES + "/" + slow, "{\"name\":\"Slow scans\",\"state\":\"ACTIVE\","
                + "\"settings\":{\"scan\":{\"interval\":60}}}");
        assertEquals(fixed.body(), 200, fixed.statusCode());
        assertEquals(0, JSON.readTree(fixed.body()).path("problems").size());
    }

    // ---- helpers

    private Bundle install(String id, String version, String schema) throws Exception {
        return PolicyTestPlugin.install(context, plugins, id, version, schema);
    }

    private JsonNode awaitInvalid(String policy) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = JSON.readTree(api.get(POLICIES + "?invalid=true&application=" + UPGRADED_APP).body());
            for (JsonNode item : page.path("items")) {
                if (policy.equals(item.path("id").asText())) {
                    return item;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the policy " + policy + " was not marked invalid after the upgrade");
    }

    private String group(String name) {
        return groups.create(AdministrationGroup.MANAGED_DEVICES, name + " " + suffix(), TEST).id().toString();
    }

    private static String draft(String group, String name, String state, String settings) {
        return "{\"application\":\"" + APP + "\",\"groupId\":\"" + group + "\",\"name\":\"" + name + "\",\"state\":\""
                + state + "\",\"settings\":" + settings + "}";
    }

    private HttpResponse<String> post(String path, String body) {
        return api.postJson(path, body);
    }

    private static String id(HttpResponse<String> created) throws Exception {
        assertEquals(created.body(), 201, created.statusCode());
        return JSON.readTree(created.body()).path("id").asText();
    }

    private static String field(HttpResponse<String> answer, String name) throws Exception {
        assertEquals(answer.body(), 200, answer.statusCode());
        return JSON.readTree(answer.body()).path(name).asText();
    }

    /** The fields a 422 answer names. */
    private static Set<String> fields(HttpResponse<String> refused) throws Exception {
        assertEquals(refused.body(), 422, refused.statusCode());
        List<String> fields = new ArrayList<>();
        JSON.readTree(refused.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return Set.copyOf(fields);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
