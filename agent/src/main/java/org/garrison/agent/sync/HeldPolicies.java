package org.garrison.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.garrison.agent.files.AtomicFiles;
import org.garrison.api.agent.ApplicationPolicy;
import org.garrison.api.agent.PolicyUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The effective policies the server sent for the device's applications, kept in {@code policies.json} so that
 * applications get their settings from the agent even while the server cannot be reached (after a restart too).
 * The file is rewritten only when a policy changes; the tag of the last update, which changes far more often, is
 * kept in memory (after a restart the server simply looks at the policies again).
 */
public final class HeldPolicies {

    /**
     * One application's policy as the agent holds it.
     *
     * @param receivedAt when the agent received this version
     */
    public record Held(String application, String hash, Map<String, Object> settings, List<String> lockedSettings,
            Instant receivedAt) {
    }

    /** What {@code policies.json} holds. */
    record Stored(Map<String, Held> policies) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(HeldPolicies.class);

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Held> policies = new TreeMap<>();
    private String tag;

    private HeldPolicies(Path file, ObjectMapper json, Clock clock) {
        this.file = file;
        this.json = json;
        this.clock = clock;
    }

    /** Reads {@code file} (none yet is fine; an unreadable one is dropped, the server sends everything again). */
    public static HeldPolicies open(Path file, ObjectMapper json, Clock clock) {
        HeldPolicies held = new HeldPolicies(file, json, clock);
        held.load();
        return held;
    }

    /** The tag of the last update received since the agent started, or {@code null}. */
    public synchronized String tag() {
        return tag;
    }

    /** The hash of every policy held, by application. */
    public synchronized Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        policies.forEach((application, policy) -> hashes.put(application, policy.hash()));
        return hashes;
    }

    /** The policy held for an application. */
    public synchronized Optional<Held> get(String application) {
        return Optional.ofNullable(policies.get(application));
    }

    /**
     * Takes an update from a sync answer: keeps the applications it lists, replaces the policies it carries.
     *
     * @throws IOException if the changed policies could not be written (the update is then not taken, so the agent
     *                     sends its old hashes and gets the policies again)
     */
    public synchronized void apply(PolicyUpdate update) throws IOException {
        Map<String, Held> next = new TreeMap<>(policies);
        next.keySet().retainAll(update.applications());
        Instant now = clock.instant();
        for (ApplicationPolicy policy : update.changed()) {
            if (update.applications().contains(policy.application())) {
                next.put(policy.application(), new Held(policy.application(), policy.hash(), policy.settings(),
                        policy.lockedSettings(), now));
            }
        }
        if (!next.equals(policies)) {
            AtomicFiles.write(file, json.writeValueAsBytes(new Stored(next)));
            policies.clear();
            policies.putAll(next);
            LOG.info("Policies now held for {}", policies.isEmpty() ? "no application" : policies.keySet());
        }
        tag = update.tag();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Stored stored = json.readValue(file.toFile(), Stored.class);
            if (stored.policies() != null) {
                policies.putAll(stored.policies());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the policies held in {} ({}); the server sends them again at the next sync",
                    file, e.getMessage());
        }
    }
}
