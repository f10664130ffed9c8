package org.garrison.testkit;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of an uploaded plugin JAR.
 *
 * @param status  the upload's HTTP status: 201 installed, 200 upgraded, 4xx not accepted (see {@link #problem()})
 * @param plugin  the plugin as {@code GET /api/v1/plugins/{id}} shows it (state, message, contributions), or a
 *                missing node when the upload was not accepted
 * @param refusal the problem detail when the upload was not accepted, else {@code null}
 */
public record PluginInstallation(int status, JsonNode plugin, Problem refusal) {

    static PluginInstallation of(ApiResponse answer) {
        if (answer.status() == 200 || answer.status() == 201) {
            return new PluginInstallation(answer.status(), answer.json(), null);
        }
        Problem problem = answer.problem().orElseGet(() -> new Problem(answer.status(), null, answer.body(), null,
                List.of()));
        return new PluginInstallation(answer.status(), Json.parse(null), problem);
    }

    /** The plugin id, or {@code null} when the upload was not accepted. */
    public String id() {
        return plugin.path("id").asText(null);
    }

    /** {@code active}, {@code refused}, {@code starting} or {@code stopped}; {@code null} when not accepted. */
    public String state() {
        return plugin.path("state").asText(null);
    }

    /** Whether the plugin was installed (or upgraded) and is active. */
    public boolean isActive() {
        return "active".equals(state());
    }

    /** The problem detail of an upload that was not accepted. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(refusal);
    }

    /**
     * Why the plugin does not run: the problem of a refused upload (every descriptor error), or the server's message
     * for a plugin installed but refused (an unresolvable import, a failing migration); empty when it is active.
     */
    public Optional<String> reason() {
        if (refusal != null) {
            return Optional.of(refusal.describe());
        }
        return isActive() ? Optional.empty() : Optional.of(state() + ": " + plugin.path("message").asText(""));
    }

    /**
     * @return this installation, when the plugin is active
     * @throws PluginRefusedException with the reason otherwise
     */
    public PluginInstallation requireActive() {
        if (!isActive()) {
            throw new PluginRefusedException(reason().orElse("not active"));
        }
        return this;
    }
}
