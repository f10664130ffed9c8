package org.garrison.sessions.internal.jaas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.sessions.internal.SignInTesting;
import org.garrison.sessions.internal.SignInService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GarrisonLoginModuleTest {

    private SignInTesting testing;
    private SignInService signIn;

    @BeforeEach
    void setUp() throws SQLException {
        testing = new SignInTesting(Instant.parse("2026-11-26T12:00:00Z"));
        testing.accounts().add("Admin", "s3cret pass", List.of(new RoleGrant(BuiltInRole.ADMINISTRATOR.id(),
                AdministrationGroup.MANAGED_DEVICES)));
        signIn = testing.signIn();
    }

    @Test
    void aGarrisonAccountSignsInWithItsKarafRoles() throws LoginException {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", "/192.0.2.7:52144"));
        GarrisonLoginModule module = module(subject, "admin", "s3cret pass");
        assertTrue(module.login());
        assertTrue(module.commit());
        assertEquals(Set.of("Admin"), names(subject, UserPrincipal.class));
        assertEquals(Set.of("manager", "viewer", "ssh"), names(subject, RolePrincipal.class));
        assertEquals("192.0.2.7", testing.audit().entries.get(0).remoteAddress());
        assertEquals("shell-sign-in", testing.audit().entries.get(0).action());
        module.logout();
        assertEquals(Set.of(), names(subject, RolePrincipal.class));
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresLockTheAccount() throws LoginException {
        for (int i = 0; i < 5; i++) {
            GarrisonLoginModule module = module(new Subject(), "admin", "wrong");
            assertThrows(FailedLoginException.class, module::login);
        }
        assertThrows(AccountLockedException.class, module(new Subject(), "admin", "s3cret pass")::login);
    }

    @Test
    void theClientAddressIsReadFromKarafsSocketAddress() {
        assertEquals("127.0.0.1", GarrisonLoginModule.addressOf("/127.0.0.1:52144"));
        assertEquals("192.0.2.7", GarrisonLoginModule.addressOf("host.example/192.0.2.7:52144"));
        assertEquals("0:0:0:0:0:0:0:1", GarrisonLoginModule.addressOf("/[0:0:0:0:0:0:0:1]:52144"));
        assertEquals("::1", GarrisonLoginModule.addressOf("::1"));
        assertNull(GarrisonLoginModule.addressOf(" "));
    }

    private GarrisonLoginModule module(Subject subject, String login, String password) {
        GarrisonLoginModule module = new GarrisonLoginModule();
        module.initialize(subject, callbacks -> {
            ((NameCallback) callbacks[0]).setName(login);
            ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
        }, Map.of(), Map.of(GarrisonLoginModule.SIGN_IN_OPTION, signIn));
        return module;
    }

    private static Set<String> names(Subject subject, Class<? extends Principal> type) {
        return subject.getPrincipals(type).stream().map(Principal::getName).collect(Collectors.toSet());
    }
}
