package org.garrison.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.account.NewAccount;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class ConsoleSettingsServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path keys;

    private ConsoleSettingsService settings;
    private UUID jane;

    @BeforeEach
    void start() throws Exception {
        Transactions database = TestDatabase.withSchema("accounts", "db/accounts.sql", getClass().getClassLoader())
                .transactions();
        Fakes.Revisions revisions = new Fakes.Revisions();
        Fakes.Deletions deletions = new Fakes.Deletions();
        AccountsService accounts = new AccountsService(database, revisions, deletions, Fakes.cipher(keys),
                new RolesService(database, revisions, deletions, Clock.systemUTC()), new Fakes.Groups(),
                new LegalTermsService(database, revisions, Clock.systemUTC()), Clock.systemUTC(), new SecureRandom(),
                AccountsServiceTest.CHEAP, PasswordPolicy.DEFAULT, true);
        jane = accounts.create(new NewAccount("jane", null, null, null, null, "correct horse battery", false,
                List.of()), Actor.system("test")).id();
        settings = new ConsoleSettingsService(database, Clock.systemUTC());
    }

    @Test
    void defaultsComeBackWhenNothingIsStored() {
        assertEquals(ConsoleSettings.defaults(), settings.get(jane));
        assertEquals("en", settings.get(jane).language());
        assertEquals("system", settings.get(jane).theme());
    }

    @Test
    void storedSettingsComeBackWithDefaultsForMissingKeys() throws Exception {
        ConsoleSettings stored = new ConsoleSettings("de", "dark", JSON.readTree("[{\"widget\":\"status\"}]"),
                List.of("n-1", "n-2"), Map.of("devices", List.of("name", "status")), null);
        settings.put(jane, stored);
        ConsoleSettings read = settings.get(jane);
        assertEquals("de", read.language());
        assertEquals("dark", read.theme());
        assertEquals(JSON.readTree("[{\"widget\":\"status\"}]"), read.dashboardLayout());
        assertEquals(List.of("n-1", "n-2"), read.notificationsRead());
        assertEquals(Map.of("devices", List.of("name", "status")), read.tableColumns());
        assertEquals(JSON.createObjectNode(), read.trainingProgress());
        settings.put(jane, new ConsoleSettings(null, "light", null, null, null, JSON.readTree("{\"step\":3}")));
        assertEquals("en", settings.get(jane).language());
        assertEquals(3, settings.get(jane).trainingProgress().get("step").asInt());
    }

    @Test
    void badValuesAndOversizedDocumentsAreRefused() throws Exception {
        ValidationException refused = assertThrows(ValidationException.class, () -> settings.put(jane,
                new ConsoleSettings("english", "pink", JSON.readTree("3"), List.of("ok", "not ok"), null,
                        JSON.readTree("[]"))));
        assertEquals(List.of("language", "theme", "dashboardLayout", "notificationsRead/1", "trainingProgress"),
                refused.errors().stream().map(e -> e.field()).toList());
        String big = "x".repeat(200);
        List<String> many = java.util.stream.IntStream.range(0, 400).mapToObj(i -> big.substring(0, 190) + i)
                .toList();
        assertThrows(ValidationException.class, () -> settings.put(jane,
                new ConsoleSettings(null, null, null, many, null, null)));
        assertEquals(ConsoleSettings.defaults(), settings.get(jane));
    }
}
