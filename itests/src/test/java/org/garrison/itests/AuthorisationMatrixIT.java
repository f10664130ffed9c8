package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.inject.Inject;

import org.garrison.api.Actor;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceService;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.security.PermissionDefinition;
import org.garrison.api.security.Permissions;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskSchedule;
import org.garrison.api.task.TaskScope;
import org.garrison.api.task.TaskService;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Walks every operation of the live OpenAPI document as nobody, and as each built-in role granted on the whole
 * server and on one subtree, against objects inside and outside that subtree, and checks each answer against the
 * permission the operation declares: 401 without credentials, 403 without the permission or outside the scope, and
 * anything else (2xx, or a 4xx about the dummy input) when allowed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthorisationMatrixIT {

    private static final Actor TEST = Actor.system("authorisation-matrix-it");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Filter(timeout = 120_000)
    private GroupService groups;

    @Inject
    @Filter(timeout = 120_000)
    private DeviceService devices;

    @Inject
    @Filter(timeout = 120_000)
    private EventService events;

    /** The devices' membership in groups: registered once the devices schema is migrated. */
    @Inject
    @Filter(timeout = 120_000)
    private org.garrison.api.group.GroupMembers deviceMembership;

    @Inject
    @Filter(timeout = 120_000)
    private PluginRegistry plugins;

    @Inject
    @Filter(timeout = 120_000)
    private PolicyService policies;

    @Inject
    @Filter(timeout = 120_000)
    private TaskService tasks;

    @Inject
    private BundleContext context;

    private final Api admin = Api.local();

    @Configuration
    public Option[] config() {
        return GarrisonContainer.options();
    }

    @Before
    public void serverIsUp() throws Exception {
        ContainerStartup.awaitApi(admin, context, "/api/v1/roles");
        // policies need an application with a settings schema
        PolicyTestPlugin.install(context, plugins, PolicyTestPlugin.APP, "1.0.0", PolicyTestPlugin.SCHEMA);
    }

    /** One caller of the matrix: a built-in role granted on the whole server or on the subtree "inside". */
    private record Caller(BuiltInRole role, boolean wholeServer, Api api) {
        @Override
        public String toString() {
            return role + (wholeServer ? " on the whole server" : " on a subtree");
        }
    }

    /** The objects of one side of the scope boundary. */
    private record Side(UUID group, UUID device, UUID event) {
    }

    @Test
    public void everyOperationAnswersEveryRoleAsItDeclares() throws Exception {
        Map<String, PermissionDefinition> catalogue = new java.util.HashMap<>();
        for (PermissionDefinition definition : Permissions.CORE) {
            catalogue.put(definition.id(), definition);
        }
        Map<UUID, Set<String>> rolePermissions = rolePermissions();
        AdministrationGroup insideGroup = groups.create(AdministrationGroup.MANAGED_DEVICES, "Matrix inside", TEST);
        AdministrationGroup outsideGroup = groups.create(AdministrationGroup.MANAGED_DEVICES, "Matrix outside", TEST);
        Side inside = side(insideGroup.id());
        Side outside = side(outsideGroup.id());

        List<Caller> callers = new ArrayList<>();
        for (BuiltInRole role : BuiltInRole.values()) {
            callers.add(new Caller(role, true, callerWith(role, AdministrationGroup.MANAGED_DEVICES)));
            callers.add(new Caller(role, false, callerWith(role, insideGroup.id())));
        }
        Api nobody = admin.anonymousClient();

        JsonNode paths = JSON.readTree(admin.get("/api/v1/openapi.json").body()).path("paths");
        List<String> failures = new ArrayList<>();
        int checks = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String declared = op.getValue().path("x-garrison-permission").asText("");
                String label = method + " " + path.getKey() + " [" + declared + "]";
                if (declared.isEmpty()) {
                    failures.add(label + ": declares no permission in the OpenAPI document");
                    continue;
                }
                JsonNode scope = op.getValue().path("x-garrison-scope");
                String kind = scope.path("objectKind").asText("");
                String from = scope.path("from").asText("path:id");
                boolean everywhere = scope.path("everywhere").asBoolean(false);
                String template = path.getKey();

                int anonymous = call(nobody, method, fill(template, kind, from, outside, method)).statusCode();
                checks++;
                if (declared.equals("public") ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                    failures.add(label + " as nobody: " + anonymous);
                }
                if (declared.equals("public")) {
                    continue;
                }
                for (Caller caller : callers) {
                    for (Side side : kind.isEmpty() ? List.of(outside) : List.of(inside, outside)) {
                        boolean allowed = allowed(declared, caller, rolePermissions, catalogue,
                                kind.isEmpty() || side == inside) && (caller.wholeServer() || !everywhere);
                        HttpResponse<String> answer = call(caller.api(), method, fill(template, kind, from, side, method));
                        checks++;
                        int status = answer.statusCode();
                        boolean denied = status == 401 || status == 403;
                        if (allowed == denied && !deniedByDesign(method, template, status)) {
                            failures.add(label + " as " + caller + (kind.isEmpty() ? "" : side == inside
                                    ? " (object inside)" : " (object outside)") + ": expected "
                                    + (allowed ? "allowed" : "403") + " but got " + status + " "
                                    + abbreviate(answer.body()));
                        }
                    }
                }
            }
        }
        assertTrue("too few checks: " + checks, checks > 200);
        assertEquals(failures.size() + " of " + checks + " checks failed:\n" + String.join("\n", failures), 0,
                failures.size());
    }

    private boolean allowed(String declared, Caller caller, Map<UUID, Set<String>> rolePermissions,
            Map<String, PermissionDefinition> catalogue, boolean objectInside) {
        if (declared.equals("signed-in")) {
            return true;
        }
        Set<String> held = rolePermissions.get(caller.role().id());
        boolean holds = caller.role() == BuiltInRole.MAIN_ADMINISTRATOR || held.contains(declared);
        if (!holds) {
            return false;
        }
        if (caller.wholeServer()) {
            return true;
        }
        PermissionDefinition definition = catalogue.get(declared);
        boolean groupScoped = definition == null || definition.groupScoped();
        return groupScoped && objectInside;
    }

    /** The one refusal the API makes on purpose beyond what it declares: an API token cannot mint further tokens. */
    private static boolean deniedByDesign(String method, String template, int status) {
        return status == 403 && method.equals("POST") && template.equals("/tokens");
    }

    private Map<UUID, Set<String>> rolePermissions() throws Exception {
        HttpResponse<String> roles = admin.get("/api/v1/roles");
        assertEquals(roles.body(), 200, roles.statusCode());
        JsonNode body = JSON.readTree(roles.body());
        JsonNode items = body.isArray() ? body : body.path("items");
        Map<UUID, Set<String>> permissions = new java.util.HashMap<>();
        for (JsonNode role : items) {
            Set<String> held = new HashSet<>();
            role.path("permissions").forEach(p -> held.add(p.asText()));
            permissions.put(UUID.fromString(role.path("id").asText()), held);
        }
        for (BuiltInRole role : BuiltInRole.values()) {
            assertTrue("built-in role missing: " + role, permissions.containsKey(role.id()));
        }
        return permissions;
    }

    private Side side(UUID group) {
        UUID device = devices.register(new DeviceRegistration("matrix-" + UUID.randomUUID(), group, null), TEST)
                .id();
        UUID event = UUID.randomUUID();
        events.ingest(List.of(new NewEvent(event, Instant.now(), device, group, "core", "matrix-check",
                EventSeverity.INFO, "matrix", null)));
        return new Side(group, device, event);
    }

    /** An account holding one role on one group, signed in, calling with an API token of its own. */
    private Api callerWith(BuiltInRole role, UUID group) throws Exception {
        String login = "matrix-" + role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID()
                .toString().substring(0, 6);
        String password = "Matrix-passphrase-" + UUID.randomUUID();
        HttpResponse<String> created = admin.postJson("/api/v1/accounts", "{\"login\":" + Json.quote(login)
                + ",\"password\":" + Json.quote(password) + ",\"mustChangePassword\":false,\"grants\":[{\"roleId\":\""
                + role.id() + "\",\"groupId\":\"" + group + "\"}]}");
        assertEquals(created.body(), 201, created.statusCode());
        Api session = admin.anonymousClient();
        HttpResponse<String> signIn = session.signIn(login, password);
        assertEquals(signIn.body(), 201, signIn.statusCode());
        HttpResponse<String> token = session.postJson("/api/v1/tokens", "{\"name\":\"matrix\"}");
        assertEquals(token.body(), 201, token.statusCode());
        return session.withToken(Json.string(token.body(), "token"));
    }

    /**
     * The path with its parameters filled: the scoped object of the given side where the operation names one, a
     * throwaway object of that side for deletions (so a permitted deletion removes nothing the next check needs), and
     * an unknown id elsewhere.
     */
    private String fill(String template, String kind, String from, Side side, String method) {
        String scopedId = switch (kind) {
            case AdministrationGroup.OBJECT_TYPE -> method.equals("DELETE")
                    ? groups.create(side.group(), "throwaway-" + UUID.randomUUID(), TEST).id().toString()
                    : side.group().toString();
            case "device" -> method.equals("DELETE")
                    ? devices.register(new DeviceRegistration("throwaway-" + UUID.randomUUID(), side.group(), null),
                            TEST).id().toString()
                    : side.device().toString();
            case "event" -> side.event().toString();
            case PolicyService.OBJECT_TYPE -> PolicyTestPlugin.policyIn(policies, side.group(), TEST).toString();
            case Task.OBJECT_TYPE -> tasks.create(new TaskDraft("matrix-" + UUID.randomUUID(), "agent", "sync-now",
                    Map.of(), TaskScope.group(side.group()), TaskSchedule.manual(), true), TEST).id().toString();
            default -> null;
        };
        String scopedParameter = from.substring(from.indexOf(':') + 1);
        boolean inQuery = from.startsWith("query:");
        Function<String, String> value = name -> scopedId != null && !inQuery && name.equals(scopedParameter)
                ? scopedId : UUID.randomUUID().toString();
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^}]+)\\}").matcher(template);
        int last = 0;
        while (parameter.find()) {
            path.append(template, last, parameter.start()).append(value.apply(parameter.group(1)));
            last = parameter.end();
        }
        path.append(template.substring(last));
        if (scopedId != null && inQuery) {
            path.append('?').append(scopedParameter).append('=').append(scopedId);
        }
        return "/api/v1" + path;
    }

    private static HttpResponse<String> call(Api api, String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path));
        switch (method) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return api.send(request);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
