package org.garrison.sessions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.ActorKind;
import org.garrison.api.account.Account;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Authenticator.SessionCaller;
import org.garrison.api.security.Caller;
import org.garrison.api.security.PendingStep;
import org.garrison.sessions.internal.SessionAuthenticator.IssuedToken;
import org.garrison.sessions.internal.SessionAuthenticator.OpenedSession;
import org.garrison.sessions.internal.TokenRepository.StoredToken;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionAuthenticatorTest {

    private static final UUID ROLE_A = UUID.randomUUID();
    private static final UUID ROLE_B = UUID.randomUUID();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts();
    private TestDatabase database;
    private SessionAuthenticator authenticator;
    private Account alice;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestDatabase.withSchema("sessions", "db/sessions.sql", getClass().getClassLoader());
        authenticator = new SessionAuthenticator(database.transactions(), accounts, clock, noCache());
        alice = accounts.add("alice", "pw", List.of(new RoleGrant(ROLE_A, AdministrationGroup.MANAGED_DEVICES),
                new RoleGrant(ROLE_B, AdministrationGroup.MANAGED_DEVICES)));
    }

    private static SessionPolicy noCache() {
        SessionPolicy d = SessionPolicy.defaults();
        return new SessionPolicy(d.idleTimeout(), d.absoluteTimeout(), d.accountFailureThreshold(), d.maxBackOff(),
                d.addressFailureLimit(), d.failureWindow(), d.tokenDefaultLifetime(), d.tokenMaxLifetime(),
                Duration.ZERO, Set.of());
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void anOpenedSessionResolvesToItsAccountWithItsCsrfToken() {
        accounts.pending(alice.id(), Set.of(PendingStep.ACCEPT_TERMS));
        OpenedSession opened = authenticator.open(alice, "192.0.2.7", "curl/8");
        assertEquals(43, opened.sessionId().length());
        assertNotEquals(opened.sessionId(), opened.csrfToken());
        assertEquals(clock.instant().plus(Duration.ofHours(12)), opened.expiresAt());
        SessionCaller session = authenticator.session(opened.sessionId()).orElseThrow();
        Caller caller = session.caller();
        assertEquals(opened.csrfToken(), session.csrfToken());
        assertEquals(alice.id(), caller.accountId());
        assertEquals("alice", caller.login());
        assertEquals(AuthenticationMethod.SESSION, caller.method());
        assertEquals(ActorKind.ACCOUNT, caller.actor().kind());
        assertEquals(alice.id().toString(), caller.actor().id());
        assertEquals(Set.of("role." + ROLE_A, "role." + ROLE_B), caller.permissions().keySet());
        assertEquals(Set.of(PendingStep.ACCEPT_TERMS), caller.pendingSteps());
    }

    @Test
    void aCallerWithStepsToTakeSeesThemGoneAtOnce() {
        accounts.pending(alice.id(), Set.of(PendingStep.CHANGE_PASSWORD));
        OpenedSession opened = authenticator.open(alice, "192.0.2.7", "curl/8");
        assertEquals(Set.of(PendingStep.CHANGE_PASSWORD),
                authenticator.session(opened.sessionId()).orElseThrow().caller().pendingSteps());
        accounts.pending(alice.id(), Set.of());
        assertEquals(Set.of(), authenticator.session(opened.sessionId()).orElseThrow().caller().pendingSteps(),
                "the password was just changed: the next call must not be refused from the cache");
    }

    @Test
    void endingAnAccountsSessionsCanKeepTheOneThatAsked() {
        OpenedSession mine = authenticator.open(alice, "192.0.2.7", "console");
        OpenedSession elsewhere = authenticator.open(alice, "198.51.100.9", "laptop");
        assertTrue(authenticator.session(elsewhere.sessionId()).isPresent());
        assertEquals(1, authenticator.endSessions(alice.id(), mine.sessionId()));
        assertTrue(authenticator.session(mine.sessionId()).isPresent());
        assertTrue(authenticator.session(elsewhere.sessionId()).isEmpty(), "the other session ended at once");
        assertEquals(1, authenticator.endSessions(alice.id(), null));
        assertTrue(authenticator.session(mine.sessionId()).isEmpty());
    }

    @Test
    void onlyTheHashOfTheSessionIdIsStored() throws SQLException {
        OpenedSession opened = authenticator.open(alice, null, null);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM SESSIONS_SESSION");
                ResultSet row = select.executeQuery()) {
            assertTrue(row.next());
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                assertFalse(opened.sessionId().equals(row.getString(column)));
            }
            assertEquals(Secrets.hash(opened.sessionId()), row.getString("ID_HASH"));
        }
    }

    @Test
    void unknownAndMalformedCookiesResolveToNothing() {
        assertTrue(authenticator.session(null).isEmpty());
        assertTrue(authenticator.session("short").isEmpty());
        assertTrue(authenticator.session(new Secrets().newSecret()).isEmpty());
        assertTrue(authenticator.session("x".repeat(42) + "!").isEmpty());
    }

    @Test
    void aSessionEndsAfterTheIdleTimeout() {
        OpenedSession opened = authenticator.open(alice, null, null);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(authenticator.session(opened.sessionId()).isPresent(), "the request extends the session");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(authenticator.session(opened.sessionId()).isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(authenticator.session(opened.sessionId()).isEmpty());
        clock.advance(Duration.ofSeconds(-1));
        assertTrue(authenticator.session(opened.sessionId()).isEmpty(), "an ended session is gone for good");
    }

    @Test
    void aSessionEndsAtItsAbsoluteTimeoutHoweverActive() {
        OpenedSession opened = authenticator.open(alice, null, null);
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(authenticator.session(opened.sessionId()).isPresent(), "at " + clock.instant());
        }
        clock.advance(Duration.ofMinutes(20));
        assertTrue(authenticator.session(opened.sessionId()).isEmpty());
    }

    @Test
    void lastSeenIsWrittenAtMostOncePerMinute() throws SQLException {
        OpenedSession opened = authenticator.open(alice, null, null);
        Instant start = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        authenticator.session(opened.sessionId());
        assertEquals(start, lastSeen());
        clock.advance(Duration.ofSeconds(30));
        authenticator.session(opened.sessionId());
        assertEquals(start.plus(Duration.ofMinutes(1)), lastSeen());
        clock.advance(Duration.ofSeconds(59));
        authenticator.session(opened.sessionId());
        assertEquals(start.plus(Duration.ofMinutes(1)), lastSeen());
    }

    @Test
    void signingOutEndsTheSession() {
        OpenedSession opened = authenticator.open(alice, null, null);
        assertTrue(authenticator.close(opened.sessionId()));
        assertTrue(authenticator.session(opened.sessionId()).isEmpty());
        assertFalse(authenticator.close(opened.sessionId()));
    }

    @Test
    void signingOutEndsACachedSessionAtOnce() {
        SessionAuthenticator cached = new SessionAuthenticator(database.transactions(), accounts, clock,
                SessionPolicy.defaults());
        OpenedSession opened = cached.open(alice, null, null);
        assertTrue(cached.session(opened.sessionId()).isPresent());
        cached.close(opened.sessionId());
        assertTrue(cached.session(opened.sessionId()).isEmpty());
    }

    @Test
    void aDisabledAccountsSessionsAndTokensStopWorking() {
        OpenedSession opened = authenticator.open(alice, null, null);
        IssuedToken token = authenticator.issue(sessionCaller(), "ci", null, null);
        accounts.disable(alice.id());
        assertTrue(authenticator.session(opened.sessionId()).isEmpty());
        assertTrue(authenticator.bearer(token.secret()).isEmpty());
    }

    @Test
    void aDeletedAccountsSessionsAndTokensAreRemoved() throws SQLException {
        OpenedSession opened = authenticator.open(alice, null, null);
        IssuedToken token = authenticator.issue(sessionCaller(), "ci", null, null);
        accounts.remove(alice.id());
        assertTrue(authenticator.session(opened.sessionId()).isEmpty());
        assertEquals(0, count("SESSIONS_SESSION"));
        assertEquals(0, count("SESSIONS_TOKEN"));
        assertTrue(authenticator.bearer(token.secret()).isEmpty());
    }

    @Test
    void purgingRemovesExpiredSessionsAndThoseOfDeletedAccounts() throws SQLException {
        authenticator.open(alice, null, null);
        Account bob = accounts.add("bob", "pw", List.of());
        authenticator.open(bob, null, null);
        clock.advance(Duration.ofMinutes(20));
        authenticator.open(alice, null, null);
        accounts.remove(bob.id());
        clock.advance(Duration.ofMinutes(15));
        authenticator.purge();
        assertEquals(1, count("SESSIONS_SESSION"), "alice's newer session");
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void aTokenActsWithItsRoleSubsetAndIsNamedAfterItsOwner() {
        IssuedToken issued = authenticator.issue(sessionCaller(), "backup script", null, Set.of(ROLE_B));
        assertTrue(Secrets.looksLikeToken(issued.secret()));
        assertTrue(issued.secret().startsWith("gar_"));
        assertEquals(47, issued.secret().length());
        assertEquals(issued.secret().substring(0, 10), issued.token().prefix());
        assertEquals(clock.instant().plus(Duration.ofDays(90)), issued.token().expiresAt());
        Caller caller = authenticator.bearer(issued.secret()).orElseThrow();
        assertEquals(AuthenticationMethod.API_TOKEN, caller.method());
        assertEquals(ActorKind.API_TOKEN, caller.actor().kind());
        assertEquals(issued.token().id().toString(), caller.actor().id());
        assertEquals("alice/backup script", caller.actor().name());
        assertEquals(alice.id(), caller.accountId());
        assertEquals(Set.of("role." + ROLE_B), caller.permissions().keySet());
    }

    @Test
    void aTokenWithoutRolesGivenActsWithAllOfTheAccounts() {
        IssuedToken issued = authenticator.issue(sessionCaller(), "all", null, null);
        assertEquals(Set.of(ROLE_A, ROLE_B), issued.token().roleIds());
        assertEquals(2, authenticator.bearer(issued.secret()).orElseThrow().permissions().size());
    }

    @Test
    void onlyTheHashOfATokenIsStored() throws SQLException {
        IssuedToken issued = authenticator.issue(sessionCaller(), "ci", null, null);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM SESSIONS_TOKEN");
                ResultSet row = select.executeQuery()) {
            assertTrue(row.next());
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                String value = row.getString(column);
                assertFalse(value != null && value.contains(issued.secret().substring(10)), "column " + column);
            }
        }
        assertFalse(issued.toString().contains(issued.secret()));
    }

    @Test
    void expiredAndRevokedTokensStopWorking() {
        IssuedToken shortLived = authenticator.issue(sessionCaller(), "short", clock.instant().plusSeconds(60),
                null);
        IssuedToken revoked = authenticator.issue(sessionCaller(), "revoked", null, null);
        assertTrue(authenticator.bearer(shortLived.secret()).isPresent());
        assertTrue(authenticator.revoke(revoked.token().id()));
        assertTrue(authenticator.bearer(revoked.secret()).isEmpty());
        clock.advance(Duration.ofSeconds(60));
        assertTrue(authenticator.bearer(shortLived.secret()).isEmpty());
        assertTrue(authenticator.bearer("gar_" + "A".repeat(43)).isEmpty());
        assertTrue(authenticator.bearer("not a token").isEmpty());
    }

    @Test
    void aRevokedCachedTokenStopsAtOnce() {
        SessionAuthenticator cached = new SessionAuthenticator(database.transactions(), accounts, clock,
                SessionPolicy.defaults());
        IssuedToken issued = cached.issue(sessionCaller(), "ci", null, null);
        assertTrue(cached.bearer(issued.secret()).isPresent());
        cached.revoke(issued.token().id());
        assertTrue(cached.bearer(issued.secret()).isEmpty());
    }

    @Test
    void lastUsedIsWrittenAtMostOncePerMinute() {
        IssuedToken issued = authenticator.issue(sessionCaller(), "ci", null, null);
        Instant first = clock.instant();
        authenticator.bearer(issued.secret());
        clock.advance(Duration.ofSeconds(59));
        authenticator.bearer(issued.secret());
        assertEquals(first, authenticator.token(issued.token().id()).orElseThrow().lastUsedAt());
        clock.advance(Duration.ofSeconds(1));
        authenticator.bearer(issued.secret());
        assertEquals(clock.instant(), authenticator.token(issued.token().id()).orElseThrow().lastUsedAt());
    }

    @Test
    void aTokenCannotCreateTokens() {
        IssuedToken issued = authenticator.issue(sessionCaller(), "ci", null, null);
        Caller byToken = authenticator.bearer(issued.secret()).orElseThrow();
        assertThrows(ForbiddenException.class, () -> authenticator.issue(byToken, "child", null, null));
    }

    @Test
    void tokenRequestsAreValidated() {
        Caller caller = sessionCaller();
        assertField("name", () -> authenticator.issue(caller, " ", null, null));
        assertField("name", () -> authenticator.issue(caller, "x".repeat(101), null, null));
        assertField("expiresAt", () -> authenticator.issue(caller, "past", clock.instant(), null));
        assertField("expiresAt", () -> authenticator.issue(caller, "far",
                clock.instant().plus(Duration.ofDays(366)), null));
        assertField("roleIds", () -> authenticator.issue(caller, "foreign", null, Set.of(UUID.randomUUID())));
        StoredToken longest = authenticator.issue(caller, "longest", clock.instant().plus(Duration.ofDays(365)),
                Set.of()).token();
        assertEquals(Set.of(), longest.roleIds());
    }

    @Test
    void tokensAreListedNewestFirstWithoutSecrets() {
        authenticator.issue(sessionCaller(), "first", null, null);
        clock.advance(Duration.ofSeconds(1));
        authenticator.issue(sessionCaller(), "second", null, null);
        List<StoredToken> listed = authenticator.tokensOf(alice.id());
        assertEquals(List.of("second", "first"), listed.stream().map(StoredToken::name).toList());
        TokenView view = TokenView.of(listed.get(0), clock.instant());
        assertFalse(view.expired());
    }

    private Caller sessionCaller() {
        OpenedSession opened = authenticator.open(alice, null, null);
        return authenticator.session(opened.sessionId()).orElseThrow().caller();
    }

    private static void assertField(String field, Runnable call) {
        ValidationException invalid = assertThrows(ValidationException.class, call::run);
        assertEquals(field, invalid.errors().get(0).field(), invalid.getMessage());
    }

    private Instant lastSeen() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT LAST_SEEN_AT FROM SESSIONS_SESSION");
                ResultSet row = select.executeQuery()) {
            row.next();
            return org.garrison.api.store.SqlTime.get(row, "LAST_SEEN_AT");
        }
    }

    private int count(String table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
