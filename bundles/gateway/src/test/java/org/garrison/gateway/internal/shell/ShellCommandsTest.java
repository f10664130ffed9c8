package org.garrison.gateway.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.garrison.api.ActorKind;
import org.garrison.api.Page;
import org.garrison.api.agent.AgentInstructions;
import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.accounts.internal.shell.KarafShellUser;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.gateway.internal.ca.GatewayCredentialsService;
import org.garrison.gateway.internal.ca.ServerCertificateConfig;
import org.garrison.gateway.internal.enrollment.EnrollmentTesting;
import org.garrison.gateway.internal.enrollment.EnrollmentToken;
import org.garrison.gateway.internal.enrollment.GatewayAddress;
import org.garrison.gateway.internal.enrollment.TokenState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shell commands with their references set as Karaf would, run as a shell user with a Karaf role, printing to a
 * captured stdout.
 */
class ShellCommandsTest {

    private static final Pattern TOKEN = Pattern.compile("Token \\(shown only now\\): (\\S+)");

    private EnrollmentTesting gateway;
    private GatewayAddress address;
    private UUID office;
    private final UUID knownDevice = UUID.randomUUID();

    @BeforeEach
    void setUp() throws SQLException {
        gateway = new EnrollmentTesting();
        office = gateway.groups.add(AdministrationGroup.MANAGED_DEVICES, "Office");
        address = new GatewayAddress(new GatewayCredentialsService(gateway.authority, new ServerCertificateConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ServerCertificateConfig.class;
            }

            @Override
            public String[] serverNames() {
                return new String[] {"gw.example.com"};
            }
        }), 13000);
    }

    @Test
    void tokenCreatePrintsTheTokenAndTheEnrollCommandOnceAndIsAudited() throws Exception {
        EnrollmentTokenCreateCommand create = create("Office", "office", 25, "30d", true);
        String out = run("manager", create);
        Matcher token = TOKEN.matcher(out);
        assertTrue(token.find(), out);
        assertTrue(out.contains("garrison-agent enroll --server https://"), out);
        assertTrue(out.contains(":13000/ --token " + token.group(1)), out);

        EnrollmentToken created = gateway.tokens.list(false, org.garrison.api.PageRequest.first()).items().get(0);
        assertEquals(office, created.groupId());
        assertEquals(25, created.maxUses());
        assertTrue(created.requireApproval());
        assertEquals(EnrollmentTesting.START.plus(Duration.ofDays(30)), created.expiresAt());
        assertEquals("karaf-shell (someone)", created.createdBy().name());
        CertificateGrant grant = gateway.enroll(token.group(1), "hw-1");
        assertEquals(AgentState.PENDING_APPROVAL, grant.state());

        AuditEntry entry = gateway.audit.entries.get(0);
        assertEquals("shell garrison:enrollment-token-create", entry.action());
        assertEquals(ActorKind.SYSTEM, entry.actor().kind());
        assertEquals(created.id().toString(), entry.objectId());
        assertTrue(gateway.audit.entries.stream().noneMatch(e -> e.toString().contains(token.group(1))));
    }

    @Test
    void tokensAreListedAndRevoked() throws Exception {
        String text = gateway.token(1).text();
        EnrollmentToken token = gateway.tokens.list(false, org.garrison.api.PageRequest.first()).items().get(0);
        EnrollmentTokenListCommand list = new EnrollmentTokenListCommand();
        list.tokens = gateway.tokens;
        assertTrue(run("viewer", list).contains("active"));

        EnrollmentTokenRevokeCommand revoke = new EnrollmentTokenRevokeCommand();
        revoke.tokens = gateway.tokens;
        revoke.shell = new KarafShellUser(gateway.audit);
        revoke.id = token.id().toString();
        assertTrue(run("admin", revoke).contains("Revoked"));
        assertEquals(TokenState.REVOKED, gateway.tokens.get(token.id()).stateAt(gateway.tokens.now()));
        assertTrue(run("viewer", list).contains("revoked"));
        list.activeOnly = true;
        assertFalse(run("viewer", list).contains(token.id().toString()));
        assertThrows(org.garrison.gateway.internal.GatewayRefusal.class, () -> gateway.enroll(text, "hw-1"));
    }

    @Test
    void agentsAreListedApprovedRejectedAndRevoked() throws Exception {
        String token = gateway.token(null, true).text();
        UUID first = gateway.enroll(token, "hw-1").agentId();
        UUID second = gateway.enroll(token, "hw-2").agentId();
        AgentListCommand list = new AgentListCommand();
        list.agents = gateway.registry;
        list.state = "pending-approval";
        String listed = run("viewer", list);
        assertTrue(listed.contains(first.toString()) && listed.contains(second.toString()), listed);

        assertTrue(run("manager", decision(new AgentApproveCommand(), first)).contains("ACTIVE"));
        assertTrue(run("manager", decision(new AgentRejectCommand(), second)).contains("REJECTED"));
        AgentRevokeCommand revoke = decision(new AgentRevokeCommand(), first);
        revoke.reason = "sold";
        assertTrue(run("manager", revoke).contains("REVOKED"));
        assertEquals("sold", gateway.registry.get(first).certificates().get(0).revokeReason());
        assertEquals(List.of("shell garrison:agent-approve", "shell garrison:agent-reject",
                "shell garrison:agent-revoke"), gateway.audit.entries.stream().map(AuditEntry::action)
                        .filter(action -> action.startsWith("shell")).toList());
        list.state = "sleeping";
        assertThrows(ValidationException.class, () -> run("viewer", list));
    }

    @Test
    void onlyAdministratorsIssueTokensDecideAboutAgentsOrWakeThem() throws Exception {
        assertThrows(ForbiddenException.class, () -> run("viewer", create("nope", null, null, null, false)));
        assertThrows(ForbiddenException.class, () -> run(null, create("nope", null, null, null, false)));
        assertEquals(0, gateway.tokens.list(false, org.garrison.api.PageRequest.first()).total());
        UUID agent = gateway.enroll(gateway.token(null, true).text(), "hw-1").agentId();
        assertThrows(ForbiddenException.class, () -> run("viewer", decision(new AgentApproveCommand(), agent)));
        assertEquals(AgentState.PENDING_APPROVAL, gateway.registry.get(agent).agent().state());
        assertThrows(ForbiddenException.class, () -> run("viewer", syncNow(new ArrayList<>(), List.of(), "Office")));
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(ValidationException.class, () -> run("admin", create("x", null, null, "tomorrow", false)));
        assertThrows(ValidationException.class, () -> run("admin", create("x", "Nowhere", null, null, false)));
        assertThrows(ValidationException.class, () -> run("admin", create("x", null, 0, null, false)));
    }

    @Test
    void syncNowWakesNamedDevicesOrAWholeGroup() throws Exception {
        List<Collection<UUID>> woken = new ArrayList<>();
        String out = run("manager", syncNow(woken, List.of(knownDevice.toString()), null));
        assertTrue(out.contains("Asked 1 device to sync now; 1 listening agent was woken"), out);
        assertEquals(List.of(Set.of(knownDevice)), woken);
        run("manager", syncNow(woken, null, "office"));
        assertEquals(Set.of(knownDevice), woken.get(1));
        assertEquals("shell garrison:agent-sync-now", gateway.audit.entries.get(0).action());
        assertThrows(ValidationException.class, () -> run("manager", syncNow(woken, null, null)));
        assertThrows(ValidationException.class, () -> run("manager", syncNow(woken,
                List.of(UUID.randomUUID().toString()), null)));
    }

    private EnrollmentTokenCreateCommand create(String name, String group, Integer maxUses, String expires,
            boolean requireApproval) {
        EnrollmentTokenCreateCommand command = new EnrollmentTokenCreateCommand();
        command.tokens = gateway.tokens;
        command.gateway = address;
        command.groups = gateway.groups;
        command.shell = new KarafShellUser(gateway.audit);
        command.name = name;
        command.group = group;
        command.maxUses = maxUses;
        command.expires = expires;
        command.requireApproval = requireApproval;
        return command;
    }

    private <T extends AgentDecisionCommand> T decision(T command, UUID agentId) {
        command.agents = gateway.registry;
        command.shell = new KarafShellUser(gateway.audit);
        command.id = agentId.toString();
        return command;
    }

    /** The command over one known device, in Office, whose agent listens. */
    private AgentSyncNowCommand syncNow(List<Collection<UUID>> woken, List<String> deviceIds, String group) {
        AgentSyncNowCommand command = new AgentSyncNowCommand();
        command.groups = gateway.groups;
        command.shell = new KarafShellUser(gateway.audit);
        command.deviceIds = deviceIds;
        command.group = group;
        Device device = new Device(knownDevice, office, "d", null, null, null, null, null, null, null, List.of(),
                Instant.EPOCH, Instant.EPOCH);
        command.devices = (DeviceService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DeviceService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "groupsOf" -> ((Set<?>) args[0]).contains(knownDevice) ? Map.of(knownDevice, office)
                            : Map.of();
                    case "list" -> new Page<>(List.of(device), null, 1L);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        command.instructions = (AgentInstructions) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AgentInstructions.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("syncNow")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    Collection<UUID> ids = (Collection<UUID>) args[0];
                    woken.add(Set.copyOf(ids));
                    return ids.size();
                });
        return command;
    }

    @SuppressWarnings("removal")
    private static String run(String role, Action command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            if (role == null) {
                command.execute();
            } else {
                Subject subject = new Subject();
                subject.getPrincipals().add(new UserPrincipal("someone"));
                subject.getPrincipals().add(new RolePrincipal(role));
                Subject.doAs(subject, (PrivilegedExceptionAction<Object>) command::execute);
            }
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
