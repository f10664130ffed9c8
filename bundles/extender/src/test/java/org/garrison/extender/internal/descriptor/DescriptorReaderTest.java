package org.garrison.extender.internal.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.garrison.api.data.DataOrigin;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.plugin.ConsoleContributionKind;
import org.garrison.api.plugin.PluginContributions;
import org.garrison.extender.internal.schema.JsonSchemas;
import org.junit.jupiter.api.Test;

class DescriptorReaderTest {

    private static final String DESCRIPTOR = """
            {
              "id": "acme-av", "name": "Acme Antivirus", "vendor": "Acme", "version": "1.2.0",
              "minServerVersion": "0.1.0",
              "settingsSchema": "settings.json",
              "taskTypes": [{"type": "full-scan", "title": "Full scan", "parametersSchema": "scan.json",
                             "runsOnDevices": true},
                            {"type": "purge-quarantine", "title": "Purge quarantine", "runsOnDevices": false}],
              "eventTypes": [{"source": "acme-av", "type": "threat-detected", "title": "Threat detected",
                              "defaultSeverity": "critical", "payloadSchema": "threat.json"}],
              "dataKinds": [{"kind": "threats", "title": "Threats", "schema": "threat.json"}],
              "console": [{"kind": "page", "id": "threats", "title": "Threats", "titles": {"de": "Bedrohungen"},
                           "module": "pages/threats.js", "permission": "acme-av.threats.read"},
                          {"kind": "device-tab", "id": "protection", "title": "Protection",
                           "module": "protection.mjs", "permission": "devices.read"},
                          {"kind": "navigation", "id": "threats-entry", "title": "Threats", "module": "threats"}],
              "data": [{"id": "threats", "title": "Threats found", "source": "application",
                        "storage": "ACME_AV_THREAT", "personal": false, "encrypted": false,
                        "retention": "until the device is deleted"}],
              "permissions": [{"id": "acme-av.threats.read", "description": "See threats"},
                              {"id": "acme-av.settings.write", "description": "Change settings",
                               "groupScoped": false}]
            }
            """;

    private final DescriptorReader reader = new DescriptorReader(new JsonSchemas());
    private final PluginHeader header = PluginHeader.parse("acme-av;version=1.2.0");

    private MemoryFiles validPlugin() {
        return new MemoryFiles()
                .with("GARRISON-INF/plugin.json", DESCRIPTOR)
                .with("GARRISON-INF/schemas/settings.json", "{\"type\":\"object\"}")
                .with("GARRISON-INF/schemas/scan.json", "{\"type\":\"object\",\"properties\":{\"deep\":{\"type\":\"boolean\"}}}")
                .with("GARRISON-INF/schemas/threat.json", "{\"type\":\"object\",\"required\":[\"name\"]}")
                .with("GARRISON-INF/console/pages/threats.js", "export function mount() {}")
                .with("GARRISON-INF/console/protection.mjs", "export function mount() {}")
                .with("GARRISON-INF/migrations/changelog.sql", """
                        --liquibase formatted sql
                        --changeset acme:1
                        -- create table of something else is only a comment
                        CREATE TABLE ACME_AV_THREAT (ID BIGINT NOT NULL PRIMARY KEY);
                        create unique index acme_av_threat_id on ACME_AV_THREAT (ID);
                        """);
    }

    @Test
    void aValidDescriptorYieldsEverythingThePluginContributes() {
        PluginDescriptor descriptor = reader.read(header, validPlugin());

        assertEquals("acme-av", descriptor.id());
        assertEquals("Acme Antivirus", descriptor.name());
        assertEquals(PluginVersion.parse("1.2.0"), descriptor.version());
        assertEquals(PluginVersion.parse("0.1.0"), descriptor.minServerVersion());
        PluginContributions contributions = descriptor.contributions();
        assertEquals("{\"type\":\"object\"}", contributions.settingsSchema());
        assertEquals(2, contributions.taskTypes().size());
        assertEquals("acme-av", contributions.taskTypes().get(0).application());
        assertTrue(contributions.taskTypes().get(0).parametersSchema().contains("deep"));
        assertEquals("{\"type\":\"object\"}", contributions.taskTypes().get(1).parametersSchema());
        assertEquals(false, contributions.taskTypes().get(1).runsOnDevices());
        assertEquals(EventSeverity.CRITICAL, contributions.eventTypes().get(0).defaultSeverity());
        assertEquals("acme-av", contributions.eventTypes().get(0).source());
        assertEquals("threats", contributions.dataKinds().get(0).kind());
        assertEquals(ConsoleContributionKind.DEVICE_TAB, contributions.console().get(1).kind());
        assertEquals("Bedrohungen", contributions.console().get(0).titles().get("de"));
        assertEquals(DataOrigin.APPLICATION, contributions.data().get(0).source());
        assertEquals("acme-av", contributions.data().get(0).owner());
        assertEquals(false, contributions.permissions().get(1).groupScoped());
        assertEquals("acme-av", contributions.permissions().get(0).area());
        assertEquals(List.of("ACME_AV_THREAT"), descriptor.migrations().tables());
    }

    @Test
    void aDescriptorNamingOnlyItselfIsEnough() {
        PluginDescriptor descriptor = reader.read(PluginHeader.parse("tiny;version=0.0.1"), new MemoryFiles()
                .with("GARRISON-INF/plugin.json", "{\"id\":\"tiny\",\"name\":\"Tiny\",\"version\":\"0.0.1\"}"));

        assertEquals(PluginContributions.NONE, descriptor.contributions());
        assertNull(descriptor.migrations());
        assertNull(descriptor.minServerVersion());
    }

    @Test
    void aMissingDescriptorIsRefused() {
        assertRefused(validPlugin().without("GARRISON-INF/plugin.json"), "plugin.json", "is missing");
    }

    @Test
    void aDescriptorThatIsNotJsonIsRefusedWithItsLine() {
        assertRefused(validPlugin().with("GARRISON-INF/plugin.json", "{\n\"id\": \"acme-av\",\n"), "plugin.json",
                "not valid JSON");
    }

    @Test
    void everyDeviationFromTheDescriptorSchemaIsListed() {
        ValidationException refused = refused(validPlugin().with("GARRISON-INF/plugin.json", """
                {"id": "Acme AV", "version": "1.2", "colour": "red",
                 "eventTypes": [{"type": "x", "title": "X", "defaultSeverity": "dire"}]}
                """));

        assertHas(refused, "plugin.json/id", "");
        assertHas(refused, "plugin.json/version", "");
        assertHas(refused, "plugin.json/name", "");
        assertHas(refused, "plugin.json", "colour");
        assertHas(refused, "plugin.json/eventTypes/0/defaultSeverity", "");
    }

    @Test
    void theDescriptorMustAgreeWithTheManifestHeader() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> reader.read(PluginHeader.parse("acme-antivirus;version=1.3.0"), validPlugin()));

        assertHas(refused, "plugin.json/id", "manifest header");
        assertHas(refused, "plugin.json/version", "manifest header");
    }

    @Test
    void permissionsMustCarryThePluginIdAsPrefix() {
        assertRefused(replace("\"acme-av.settings.write\"", "\"settings.write\""), "plugin.json/permissions/1/id",
                "must start with the plugin id");
    }

    @Test
    void eventTypesMustBeThePluginsOwn() {
        assertRefused(replace("\"source\": \"acme-av\"", "\"source\": \"core\""), "plugin.json/eventTypes/0/source",
                "must be the plugin id");
    }

    @Test
    void aSchemaFileThatIsMissingIsRefused() {
        assertRefused(validPlugin().without("GARRISON-INF/schemas/scan.json"),
                "plugin.json/taskTypes/0/parametersSchema", "not in the JAR");
    }

    @Test
    void aSchemaFileThatIsNoValidSchemaIsRefused() {
        assertRefused(validPlugin().with("GARRISON-INF/schemas/threat.json", "{\"type\": \"objekt\"}"),
                "schemas/threat.json/type", "enumeration");
    }

    @Test
    void consoleModulesMustExistAndNavigationMustOpenAPage() {
        ValidationException refused = refused(replace("\"module\": \"threats\"", "\"module\": \"nowhere\"")
                .without("GARRISON-INF/console/protection.mjs"));

        assertHas(refused, "plugin.json/console/1/module", "not in the JAR");
        assertHas(refused, "plugin.json/console/2/module", "one of the plugin's pages");
    }

    @Test
    void aConsoleModuleCannotLeaveTheConsoleFolder() {
        assertRefused(replace("\"pages/threats.js\"", "\"../plugin.js\""), "plugin.json/console/0/module",
                "below GARRISON-INF/console/");
    }

    @Test
    void aConsolePermissionMustExist() {
        assertRefused(replace("\"devices.read\"", "\"acme-av.nothing\""), "plugin.json/console/1/permission",
                "neither a permission of the plugin nor of the server");
    }

    @Test
    void repeatedIdsAreRefused() {
        assertRefused(replace("\"type\": \"purge-quarantine\"", "\"type\": \"full-scan\""),
                "plugin.json/taskTypes/1/type", "repeats the task type");
    }

    @Test
    void tablesAndIndexesMustCarryThePluginPrefix() {
        ValidationException refused = refused(validPlugin().with("GARRISON-INF/migrations/changelog.sql", """
                --liquibase formatted sql
                --changeset acme:1
                CREATE TABLE THREAT (ID BIGINT NOT NULL PRIMARY KEY);
                CREATE INDEX THREAT_ID ON THREAT (ID);
                """));

        assertHas(refused, "migrations/changelog.sql", "table THREAT");
        assertHas(refused, "migrations/changelog.sql", "index THREAT_ID");
    }

    @Test
    void aChangelogMustBeLiquibaseFormattedSql() {
        assertRefused(validPlugin().with("GARRISON-INF/migrations/changelog.sql",
                "CREATE TABLE ACME_AV_X (ID INT);"), "migrations/changelog.sql", "formatted-SQL");
    }

    @Test
    void theServersOwnIdsAreReserved() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> reader.read(PluginHeader.parse("core;version=1.0.0"), new MemoryFiles()
                        .with("GARRISON-INF/plugin.json", "{\"id\":\"core\",\"name\":\"C\",\"version\":\"1.0.0\"}")));

        assertHas(refused, "plugin.json/id", "reserved");
    }

    @Test
    void aPluginNeedingANewerServerIsIncompatible() {
        PluginDescriptor descriptor = reader.read(header, validPlugin());

        assertTrue(DescriptorReader.incompatibility(descriptor, PluginVersion.ofServer("0.1.0-SNAPSHOT")).isEmpty());
        assertEquals("Plugin acme-av 1.2.0 needs Garrison 0.1.0 or later; this server is 0.0.9",
                DescriptorReader.incompatibility(descriptor, PluginVersion.ofServer("0.0.9")).orElseThrow());
    }

    private MemoryFiles replace(String text, String replacement) {
        assertTrue(DESCRIPTOR.contains(text), text);
        return validPlugin().with("GARRISON-INF/plugin.json", DESCRIPTOR.replace(text, replacement));
    }

    private ValidationException refused(MemoryFiles files) {
        return assertThrows(ValidationException.class, () -> reader.read(header, files));
    }

    private void assertRefused(MemoryFiles files, String field, String messagePart) {
        assertHas(refused(files), field, messagePart);
    }

    private static void assertHas(ValidationException refused, String field, String messagePart) {
        for (FieldError error : refused.errors()) {
            if (error.field().equals(field) && error.message().contains(messagePart)) {
                return;
            }
        }
        throw new AssertionError("no error at " + field + " saying '" + messagePart + "' in " + refused.errors());
    }
}
