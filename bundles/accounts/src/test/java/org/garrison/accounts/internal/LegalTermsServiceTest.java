package org.garrison.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.account.NewAccount;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegalTermsServiceTest {

    private static final Actor ADMIN = new Actor(org.garrison.api.ActorKind.ACCOUNT, "1", "admin");

    @TempDir
    Path keys;

    private final Fakes.Revisions revisions = new Fakes.Revisions();
    private final AccountsServiceTest.MutableClock clock = new AccountsServiceTest.MutableClock();
    private LegalTermsService terms;
    private UUID jane;
    private UUID john;

    @BeforeEach
    void start() throws Exception {
        Transactions database = TestDatabase.withSchema("accounts", "db/accounts.sql", getClass().getClassLoader())
                .transactions();
        Fakes.Deletions deletions = new Fakes.Deletions();
        terms = new LegalTermsService(database, revisions, clock);
        AccountsService accounts = new AccountsService(database, revisions, deletions, Fakes.cipher(keys),
                new RolesService(database, revisions, deletions, Clock.systemUTC()), new Fakes.Groups(), terms, clock,
                new SecureRandom(), AccountsServiceTest.CHEAP, PasswordPolicy.DEFAULT, true);
        jane = accounts.create(new NewAccount("jane", null, null, null, null, "correct horse battery", false,
                List.of()), ADMIN).id();
        john = accounts.create(new NewAccount("john", null, null, null, null, "correct horse battery", false,
                List.of()), ADMIN).id();
        revisions.recorded.clear();
    }

    @Test
    void theNewestPublishedVersionIsCurrentAndPublishingIsRecorded() {
        assertTrue(terms.current().isEmpty());
        terms.publish("1.0", "Terms", "First text", ADMIN);
        clock.advance(60);
        LegalTerms second = terms.publish("1.1", "Terms", "Second text", ADMIN);
        assertEquals(second, terms.current().orElseThrow());
        assertEquals("admin", second.publishedBy());
        assertEquals(List.of("published", "published"), revisions.recorded.stream().map(r -> r.action()).toList());
        assertEquals("legal-terms", revisions.recorded.get(0).object().type());
        assertThrows(ConflictException.class, () -> terms.publish("1.0", "Terms", "Again", ADMIN));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> terms.publish("bad version!", "", " ", ADMIN));
        assertEquals(List.of("version", "title", "text"), refused.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void onlyTheCurrentVersionCanBeAcceptedAndAcceptancesAreListed() {
        terms.publish("1.0", "Terms", "First text", ADMIN);
        Instant janeAccepted = terms.accept(jane, "1.0");
        clock.advance(60);
        assertEquals(janeAccepted, terms.accept(jane, "1.0"), "accepting again changes nothing");
        terms.publish("1.1", "Terms", "Second text", ADMIN);
        assertThrows(ConflictException.class, () -> terms.accept(john, "1.0"));
        assertThrows(NotFoundException.class, () -> terms.accept(john, "9.9"));
        clock.advance(60);
        terms.accept(john, "1.1");
        List<TermsAcceptance> all = terms.acceptances(null);
        assertEquals(List.of(john, jane), all.stream().map(TermsAcceptance::accountId).toList());
        assertEquals(List.of("1.1", "1.0"), all.stream().map(TermsAcceptance::version).toList());
        assertEquals(List.of(jane), terms.acceptances("1.0").stream().map(TermsAcceptance::accountId).toList());
        assertTrue(terms.acceptedAt(jane, terms.current().orElseThrow().id()).isEmpty());
    }
}
