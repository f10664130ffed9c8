package org.garrison.sessions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.garrison.api.ActorKind;
import org.garrison.api.account.Account;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.PendingStep;
import org.garrison.sessions.internal.SignInService.Refused;
import org.garrison.sessions.internal.SignInService.Success;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInServiceTest {

    private static final String REMOTE = "192.0.2.7";
    private static final String PASSWORD = "correct horse battery";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private SignInService signIn;
    private Account admin;

    @BeforeEach
    void setUp() throws SQLException {
        TestDatabase database = TestDatabase.withSchema("sessions", "db/sessions.sql", getClass().getClassLoader());
        signIn = new SignInService(accounts, new FakeCipher(), database.transactions(), clock,
                SessionPolicy.defaults());
        signIn.audit = audit;
        admin = accounts.add("admin", PASSWORD, List.of(new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(),
                AdministrationGroup.MANAGED_DEVICES)));
    }

    @Test
    void theRightPasswordSignsInAndIsRecorded() {
        Success success = assertInstanceOf(Success.class, signIn.signIn("Admin", PASSWORD, null, REMOTE));
        assertEquals(admin.id(), success.account().id());
        assertEquals(clock.instant(), accounts.signIns.get(admin.id()));
        AuditEntry entry = audit.entries.get(0);
        assertEquals("sign-in", entry.action());
        assertEquals(ActorKind.ACCOUNT, entry.actor().kind());
        assertEquals(admin.id().toString(), entry.objectId());
        assertEquals(REMOTE, entry.remoteAddress());
        assertEquals("success", entry.outcome());
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginGetTheSameAnswer() {
        Refused wrongPassword = assertInstanceOf(Refused.class, signIn.signIn("admin", "nope", null, REMOTE));
        Refused unknownLogin = assertInstanceOf(Refused.class, signIn.signIn("nobody", PASSWORD, null, REMOTE));
        assertEquals(401, wrongPassword.status());
        assertEquals(wrongPassword, unknownLogin);
        assertEquals("denied", audit.entries.get(0).outcome());
        assertEquals(ActorKind.ANONYMOUS, audit.entries.get(1).actor().kind());
        assertEquals("(unknown login)", audit.entries.get(1).actor().name(),
                "the typed login is not recorded: it may be a password typed into the wrong field");
    }

    @Test
    void theAuditLogNeverSeesThePassword() {
        signIn.signIn("admin", "guess-one", null, REMOTE);
        signIn.signIn("admin", PASSWORD, null, REMOTE);
        for (AuditEntry entry : audit.entries) {
            assertFalse(entry.toString().contains("guess-one"));
            assertFalse(entry.toString().contains(PASSWORD));
        }
    }

    @Test
    void aSecondFactorMustComeWithThePassword() {
        accounts.withSecondFactor(admin, "123456");
        Refused missing = assertInstanceOf(Refused.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
        assertEquals("second-factor-required", missing.code());
        assertEquals(401, missing.status());
        Refused wrong = assertInstanceOf(Refused.class, signIn.signIn("admin", PASSWORD, "654321", REMOTE));
        assertEquals("second-factor-invalid", wrong.code());
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, " 123456 ", REMOTE));
    }

    @Test
    void afterFiveFailuresEachAttemptWaitsLongerUpToTheCap() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, ((Refused) signIn.signIn("admin", "wrong", null, REMOTE)).status());
        }
        Refused waiting = assertInstanceOf(Refused.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
        assertEquals(429, waiting.status());
        assertEquals(Duration.ofSeconds(1), waiting.retryAfter());
        int verified = accounts.verifiedPasswords.size();
        signIn.signIn("admin", PASSWORD, null, REMOTE);
        assertEquals(verified, accounts.verifiedPasswords.size(), "a waiting attempt does not even check");

        clock.advance(Duration.ofSeconds(1));
        signIn.signIn("admin", "wrong", null, REMOTE); // sixth failure: 2 s
        assertEquals(Duration.ofSeconds(2), ((Refused) signIn.signIn("admin", PASSWORD, null, REMOTE)).retryAfter());
        clock.advance(Duration.ofSeconds(2));
        signIn.signIn("admin", "wrong", null, "192.0.2.8"); // seventh: 4 s, from anywhere
        assertEquals(Duration.ofSeconds(4), ((Refused) signIn.signIn("admin", PASSWORD, null, REMOTE)).retryAfter());
        assertEquals("too-many-failures", ((Refused) signIn.signIn("admin", PASSWORD, null, REMOTE)).code());
        clock.advance(Duration.ofSeconds(4));
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
        assertEquals("denied", audit.entries.get(5).outcome());
        assertEquals(429, audit.entries.get(5).status());
    }

    @Test
    void theBackOffNeverExceedsItsCap() {
        SessionPolicy limits = SessionPolicy.defaults();
        assertEquals(Duration.ZERO, SignInThrottle.backOff(4, limits));
        assertEquals(Duration.ofSeconds(1), SignInThrottle.backOff(5, limits));
        assertEquals(Duration.ofSeconds(512), SignInThrottle.backOff(14, limits));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.backOff(15, limits));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.backOff(Integer.MAX_VALUE, limits));
    }

    @Test
    void anAttackerCannotKeepTheAdminOutForever() {
        for (int i = 0; i < 40; i++) {
            signIn.signIn("admin", "wrong", null, "198.51.100." + (i % 10)); // spread over addresses
            clock.advance(Duration.ofMinutes(20)); // wait out whatever back-off there is
        }
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            signIn.signIn("admin", "wrong", null, REMOTE);
        }
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
        for (int i = 0; i < 4; i++) {
            signIn.signIn("admin", "wrong", null, REMOTE);
        }
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, REMOTE),
                "four failures after a success are below the threshold again");
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < 5; i++) {
            signIn.signIn("admin", "wrong", null, REMOTE);
        }
        clock.advance(Duration.ofMinutes(15));
        signIn.signIn("admin", "wrong", null, REMOTE);
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, REMOTE),
                "a new series starts at one failure");
    }

    @Test
    void theLoopbackAddressSkipsTheAccountBackOff() {
        for (int i = 0; i < 8; i++) {
            signIn.signIn("admin", "wrong", null, REMOTE);
        }
        assertEquals(429, ((Refused) signIn.signIn("admin", PASSWORD, null, REMOTE)).status());
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, "127.0.0.1"));
        for (int i = 0; i < 8; i++) {
            signIn.signIn("admin", "wrong", null, REMOTE);
        }
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, "0:0:0:0:0:0:0:1"));
    }

    @Test
    void tooManyFailuresFromOneAddressRefuseThatAddressOnly() {
        for (int i = 0; i < 21; i++) {
            signIn.signIn("user" + i, "wrong", null, REMOTE); // different accounts, no account back-off
        }
        Refused refused = assertInstanceOf(Refused.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
        assertEquals(429, refused.status());
        assertEquals(Duration.ofMinutes(15), refused.retryAfter());
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, "192.0.2.99"));
        clock.advance(Duration.ofMinutes(15));
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
    }

    @Test
    void twentyFailuresFromOneAddressAreStillAllowed() {
        for (int i = 0; i < 20; i++) {
            signIn.signIn("user" + i, "wrong", null, REMOTE);
        }
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
    }

    @Test
    void unlockingEndsTheBackOffAtOnce() {
        for (int i = 0; i < 9; i++) {
            signIn.signIn("admin", "wrong", null, REMOTE);
        }
        assertEquals(429, ((Refused) signIn.signIn("admin", PASSWORD, null, REMOTE)).status());
        assertTrue(signIn.unlock("ADMIN"));
        assertFalse(signIn.unlock("admin"));
        assertInstanceOf(Success.class, signIn.signIn("admin", PASSWORD, null, REMOTE));
    }

    @Test
    void purgingRemovesOnlyEndedSeries() {
        signIn.signIn("admin", "wrong", null, REMOTE);
        assertEquals(0, signIn.purge());
        clock.advance(Duration.ofMinutes(16));
        assertEquals(2, signIn.purge(), "the account's and the address's");
    }

    @Test
    void theShellTakesTheSecondFactorAfterTheLastSpace() {
        accounts.withSecondFactor(admin, "123456");
        assertEquals("second-factor-required",
                ((Refused) signIn.shellSignIn("admin", PASSWORD, "127.0.0.1")).code());
        assertInstanceOf(Success.class, signIn.shellSignIn("admin", PASSWORD + " 123456", "127.0.0.1"));
        assertEquals("second-factor-invalid",
                ((Refused) signIn.shellSignIn("admin", PASSWORD + " 000000", "127.0.0.1")).code());
        assertEquals("shell-sign-in", audit.entries.get(0).action());
    }

    @Test
    void aPasswordWithSpacesWorksInTheShellWithoutASecondFactor() {
        assertInstanceOf(Success.class, signIn.shellSignIn("admin", PASSWORD, null));
        assertEquals(401, ((Refused) signIn.shellSignIn("admin", "correct horse", null)).status());
    }

    @Test
    void theShellRefusesAPasswordThatMustBeChangedAndAccountsWithoutRoles() {
        accounts.pending(admin.id(), Set.of(PendingStep.CHANGE_PASSWORD));
        Refused change = assertInstanceOf(Refused.class, signIn.shellSignIn("admin", PASSWORD, null));
        assertEquals("change-password", change.code());
        accounts.pending(admin.id(), Set.of(PendingStep.ACCEPT_TERMS));
        assertInstanceOf(Success.class, signIn.shellSignIn("admin", PASSWORD, null));
        accounts.add("nobody", PASSWORD, List.of());
        assertEquals("no-shell-role", ((Refused) signIn.shellSignIn("nobody", PASSWORD, null)).code());
    }
}
