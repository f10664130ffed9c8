package org.garrison.sessions.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.garrison.api.account.Account;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.sessions.internal.SessionAuthenticator.IssuedToken;
import org.garrison.sessions.internal.SignInTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenResourceTest {

    private SignInTesting testing;
    private TokenResource resource;
    private Account alice;
    private Account bob;

    @BeforeEach
    void setUp() throws SQLException {
        testing = new SignInTesting(Instant.parse("2026-11-26T12:00:00Z"));
        alice = testing.accounts().add("alice", "pw", List.of(new RoleGrant(BuiltInRole.AUDITOR.id(),
                AdministrationGroup.MANAGED_DEVICES)));
        bob = testing.accounts().add("bob", "pw", List.of(new RoleGrant(BuiltInRole.AUDITOR.id(),
                AdministrationGroup.MANAGED_DEVICES)));
        resource = new TokenResource(testing.sessions(), testing.accounts());
    }

    @Test
    void everybodyListsTheirOwnTokensOnly() {
        testing.sessions().issue(session(alice), "alice's", null, null);
        testing.sessions().issue(session(bob), "bob's", null, null);
        assertEquals(List.of("alice's"), resource.list(null, as(session(alice))).items().stream()
                .map(token -> token.name()).toList());
        assertThrows(ForbiddenException.class, () -> resource.list(bob.id().toString(), as(session(alice))));
    }

    @Test
    void accountsWriteOnTheWholeServerListsAndRevokesAnybodysTokens() {
        IssuedToken bobs = testing.sessions().issue(session(bob), "bob's", null, null);
        SecurityContext admin = as(withAccountsWrite(session(alice)));
        assertEquals(1, resource.list(bob.id().toString(), admin).items().size());
        assertEquals(204, resource.revoke(bobs.token().id().toString(), admin).getStatus());
        assertEquals(0, resource.list(bob.id().toString(), admin).items().size());
    }

    @Test
    void anotherPersonsTokenLooksUnknownWithoutThePermission() {
        IssuedToken bobs = testing.sessions().issue(session(bob), "bob's", null, null);
        assertThrows(NotFoundException.class, () -> resource.revoke(bobs.token().id().toString(),
                as(session(alice))));
        assertEquals(204, resource.revoke(bobs.token().id().toString(), as(session(bob))).getStatus());
        assertThrows(NotFoundException.class, () -> resource.revoke(bobs.token().id().toString(),
                as(session(bob))));
    }

    @Test
    void aTokenMayListButNotCreateTokens() {
        IssuedToken issued = testing.sessions().issue(session(alice), "ci", null, null);
        Caller byToken = testing.sessions().bearer(issued.secret()).orElseThrow();
        assertEquals(1, resource.list(null, as(byToken)).items().size());
        assertThrows(ForbiddenException.class, () -> resource.create(new TokenResource.CreateRequest("child", null,
                Set.of()), as(byToken), null));
    }

    private Caller session(Account account) {
        String id = testing.sessions().open(account, null, null).sessionId();
        return testing.sessions().session(id).orElseThrow().caller();
    }

    private static Caller withAccountsWrite(Caller caller) {
        return new Caller(caller.actor(), caller.accountId(), caller.login(), caller.method(),
                Map.of(Permissions.ACCOUNTS_WRITE, GroupScope.EVERYWHERE), caller.pendingSteps());
    }

    private static SecurityContext as(Caller caller) {
        return FakeRequests.security(caller);
    }
}
