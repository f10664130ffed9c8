package org.garrison.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.garrison.agent.json.AgentJson;
import org.garrison.api.agent.ApplicationPolicy;
import org.garrison.api.agent.PolicyUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class HeldPoliciesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final ObjectMapper json = AgentJson.newMapper();

    private HeldPolicies open() {
        return HeldPolicies.open(folder.resolve("policies.json"), json, CLOCK);
    }

    private static ApplicationPolicy policy(String application, String hash, Map<String, Object> settings) {
        return new ApplicationPolicy(application, hash, settings, List.of());
    }

    @Test
    void policiesSurviveARestartButTheTagDoesNot() throws Exception {
        HeldPolicies held = open();
        held.apply(new PolicyUpdate("t1@1", List.of("av", "dc"), List.of(policy("av", "a1", Map.of("on", true)),
                policy("dc", "d1", Map.of()))));
        assertEquals(Map.of("av", "a1", "dc", "d1"), held.hashes());
        assertEquals("t1@1", held.tag());

        HeldPolicies again = open();
        assertEquals(Map.of("av", "a1", "dc", "d1"), again.hashes());
        assertEquals(Map.of("on", true), again.get("av").orElseThrow().settings());
        assertEquals(CLOCK.instant(), again.get("av").orElseThrow().receivedAt());
        assertNull(again.tag(), "after a restart the server looks at the policies again");
    }

    @Test
    void anUpdateReplacesWhatItCarriesAndDropsWhatItNoLongerLists() throws Exception {
        HeldPolicies held = open();
        held.apply(new PolicyUpdate("t1@1", List.of("av", "dc"), List.of(policy("av", "a1", Map.of()),
                policy("dc", "d1", Map.of()))));
        held.apply(new PolicyUpdate("t2@2", List.of("av"), List.of(policy("av", "a2", Map.of("on", false)),
                policy("unlisted", "u1", Map.of()))));
        assertEquals(Map.of("av", "a2"), held.hashes());
        assertEquals(Map.of("av", "a2"), open().hashes());
    }

    @Test
    void onlyAChangedPolicyRewritesTheFile() throws Exception {
        HeldPolicies held = open();
        held.apply(new PolicyUpdate("t1@1", List.of("av"), List.of(policy("av", "a1", Map.of()))));
        Path file = folder.resolve("policies.json");
        Files.writeString(file, "{\"policies\":{}}");
        held.apply(new PolicyUpdate("t1@999", List.of("av"), List.of()));
        assertEquals("{\"policies\":{}}", Files.readString(file), "a new tag alone is not written");
        assertEquals("t1@999", held.tag());
    }

    @Test
    void anUnreadableFileIsDroppedSoTheServerSendsEverythingAgain() throws Exception {
        Files.writeString(folder.resolve("policies.json"), "{\"policies\":{\"av\":");
        HeldPolicies held = open();
        assertTrue(held.hashes().isEmpty());
        held.apply(new PolicyUpdate("t@1", List.of("av"), List.of(policy("av", "a1", Map.of()))));
        assertEquals(Map.of("av", "a1"), open().hashes());
    }
}
