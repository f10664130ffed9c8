package org.garrison.accounts.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.console.Session;
import org.garrison.accounts.internal.TestAccounts;
import org.garrison.api.account.Account;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell commands with their references set as Karaf would, printing to a captured stdout.
 */
class ShellCommandsTest {

    @TempDir
    Path keys;

    private TestAccounts area;

    @BeforeEach
    void start() throws Exception {
        area = new TestAccounts(keys);
    }

    @Test
    void accountCreateWithAGeneratedPasswordPrintsItOnceAndForcesAChange() throws Exception {
        String out = run(new AccountCreateCommand(), Map.of("login", "jane", "roleNames", List.of("Operator"),
                "generate", true));
        Matcher printed = Pattern.compile("Password \\(shown only now\\): (\\S+)").matcher(out);
        assertTrue(printed.find(), out);
        Account jane = area.accounts.verifyPassword("jane", printed.group(1)).orElseThrow();
        assertTrue(jane.mustChangePassword());
        assertEquals(BuiltInRole.OPERATOR.id(), jane.grants().get(0).roleId());
    }

    @Test
    void accountCreateAsksForThePasswordTwice() throws Exception {
        run(new AccountCreateCommand(), Map.of("login", "john", "session", session("typed password 1",
                "typed password 1"), "noForcedChange", true));
        assertFalse(area.accounts.verifyPassword("john", "typed password 1").orElseThrow().mustChangePassword());
        assertThrows(ValidationException.class, () -> run(new AccountCreateCommand(), Map.of("login", "joe",
                "session", session("typed password 1", "typed password 2"))));
    }

    @Test
    void passwordResetEnableDisableAndListWork() throws Exception {
        run(new AccountCreateCommand(), Map.of("login", "jane", "generate", true));
        String out = run(new AccountPasswordResetCommand(), Map.of("account", "JANE"));
        Matcher printed = Pattern.compile("sign-in\\): (\\S+)").matcher(out);
        assertTrue(printed.find(), out);
        assertTrue(area.accounts.verifyPassword("jane", printed.group(1)).isPresent());

        run(new AccountDisableCommand(), Map.of("account", "jane"));
        assertFalse(area.accounts.byLogin("jane").orElseThrow().enabled());
        String list = run(new AccountListCommand(), Map.of());
        assertTrue(list.contains("jane") && list.contains("no"), list);
        run(new AccountEnableCommand(), Map.of("account", area.accounts.byLogin("jane").orElseThrow().id()
                .toString()));
        assertTrue(area.accounts.byLogin("jane").orElseThrow().enabled());
    }

    @Test
    void dataKeyRotationReportsWhatEachAreaReencrypted() throws Exception {
        run(new AccountCreateCommand(), Map.of("login", "jane", "generate", true));
        String out = run(new DataKeyRotateCommand(), Map.of("rotation", area.rotation()));
        assertTrue(out.contains("Data key 2 is now current."), out);
        assertTrue(out.contains("accounts: 1 value(s) re-encrypted"), out);
        assertTrue(area.accounts.byLogin("jane").isPresent());
    }

    @Test
    void onlyShellAdminsMayChangeAccountsOrKeys() {
        assertThrows(org.garrison.api.error.ForbiddenException.class, () -> runAs("viewer",
                new AccountCreateCommand(), Map.of("login", "mallory", "roleNames", List.of("Main administrator"),
                        "generate", true)));
        assertThrows(org.garrison.api.error.ForbiddenException.class, () -> runAs(null,
                new DataKeyRotateCommand(), Map.of("rotation", area.rotation())));
        assertTrue(area.accounts.byLogin("mallory").isEmpty());
    }

    private String run(Action command, Map<String, Object> fields) throws Exception {
        return runAs("admin", command, fields);
    }

    @SuppressWarnings("removal")
    private String runAs(String role, Action command, Map<String, Object> fields) throws Exception {
        set(command, "accounts", area.accounts);
        set(command, "roles", area.roles);
        set(command, "shell", new KarafShellUser());
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            set(command, field.getKey(), field.getValue());
        }
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, "UTF-8"));
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
        return captured.toString("UTF-8");
    }

    /** Injects a field as Karaf's shell does, looking through the command's superclasses too. */
    private static void set(Object target, String name, Object value) throws Exception {
        for (Class<?> type = target.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
    }

    private static Session session(String... lines) {
        Deque<String> answers = new ArrayDeque<>(List.of(lines));
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("readLine")) {
                        return answers.poll();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
