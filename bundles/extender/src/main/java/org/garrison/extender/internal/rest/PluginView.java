package org.garrison.extender.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.garrison.api.data.DataItem;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.plugin.ConsoleContribution;
import org.garrison.api.plugin.DataKindDefinition;
import org.garrison.api.plugin.PluginContributions;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginSignature;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.security.PermissionDefinition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A plugin as the REST API shows it: schemas as JSON objects (not as text), states and kinds in lower case.
 *
 * @param id               the plugin id
 * @param name             its display name
 * @param vendor           who makes it
 * @param version          its version
 * @param minServerVersion the oldest server version it runs on
 * @param state            starting, active, stopped or refused
 * @param message          why it was refused
 * @param bundleId         its OSGi bundle id
 * @param changedAt        when its state last changed
 * @param contributions    what it contributes while active
 */
@Schema(name = "Plugin")
public record PluginView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
        String vendor,
        String version,
        String minServerVersion,
        @Schema(allowableValues = {"starting", "active", "stopped", "refused"},
                requiredMode = Schema.RequiredMode.REQUIRED) String state,
        String message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long bundleId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant changedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Contributions contributions,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Signature signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PluginView of(PluginInfo info) {
        return new PluginView(info.id(), info.name(), info.vendor(), info.version(), info.minServerVersion(),
                info.state().name().toLowerCase(Locale.ROOT), info.message(), info.bundleId(), info.changedAt(),
                Contributions.of(info.contributions()), Signature.of(info.signature()));
    }

    /**
     * What the check of the plugin JAR's signature found (etc/org.garrison.plugins.cfg: signatures, trustedSigners).
     *
     * @param state       not-checked, unsigned, trusted, untrusted or invalid
     * @param signer      the signer certificate's subject
     * @param fingerprint the signer certificate's SHA-256 fingerprint, lower-case hex
     * @param message     why it counts or does not
     */
    @Schema(name = "PluginSignature")
    public record Signature(
            @Schema(allowableValues = {"not-checked", "unsigned", "trusted", "untrusted", "invalid"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String state,
            String signer, String fingerprint, String message) {
        static Signature of(PluginSignature signature) {
            return new Signature(signature.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    signature.signer(), signature.fingerprint(), signature.message());
        }
    }

    /**
     * @param settingsSchema the JSON Schema of the application's policy settings
     * @param taskTypes      its task types
     * @param eventTypes     its event types
     * @param dataKinds      the kinds of data its application sends
     * @param console        its console pages, device tabs and navigation entries
     * @param data           the data it stores
     * @param permissions    its own permissions
     */
    @Schema(name = "PluginContributions")
    public record Contributions(@Schema(type = "object") JsonNode settingsSchema, List<TaskType> taskTypes,
            List<EventType> eventTypes, List<DataKind> dataKinds, List<Console> console, List<Data> data,
            List<Permission> permissions) {

        static Contributions of(PluginContributions contributions) {
            return new Contributions(json(contributions.settingsSchema()),
                    contributions.taskTypes().stream().map(TaskType::of).toList(),
                    contributions.eventTypes().stream().map(EventType::of).toList(),
                    contributions.dataKinds().stream().map(DataKind::of).toList(),
                    contributions.console().stream().map(Console::of).toList(),
                    contributions.data().stream().map(Data::of).toList(),
                    contributions.permissions().stream().map(Permission::of).toList());
        }
    }

    @Schema(name = "PluginTaskType")
    public record TaskType(String type, String title, String description,
            @Schema(type = "object") JsonNode parametersSchema, boolean runsOnDevices) {
        static TaskType of(TaskTypeDefinition type) {
            return new TaskType(type.type(), type.title(), type.description(), json(type.parametersSchema()),
                    type.runsOnDevices());
        }
    }

    @Schema(name = "PluginEventType")
    public record EventType(String source, String type, String title, String defaultSeverity,
            @Schema(type = "object") JsonNode payloadSchema) {
        static EventType of(EventTypeDefinition type) {
            return new EventType(type.source(), type.type(), type.title(), type.defaultSeverity().wireName(),
                    json(type.payloadSchema()));
        }
    }

    @Schema(name = "PluginDataKind")
    public record DataKind(String kind, String title, @Schema(type = "object") JsonNode schema) {
        static DataKind of(DataKindDefinition kind) {
            return new DataKind(kind.kind(), kind.title(), json(kind.schema()));
        }
    }

    @Schema(name = "PluginConsoleContribution")
    public record Console(@Schema(allowableValues = {"page", "device-tab", "navigation"}) String kind, String id,
            String title, Map<String, String> titles, String module, String permission) {
        static Console of(ConsoleContribution contribution) {
            return new Console(contribution.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    contribution.id(), contribution.title(), contribution.titles(), contribution.module(),
                    contribution.permission());
        }
    }

    @Schema(name = "PluginDataItem")
    public record Data(String id, String title, String description,
            @Schema(allowableValues = {"admin", "agent", "application", "server"}) String source, String storage,
            boolean personal, boolean encrypted, String retention) {
        static Data of(DataItem item) {
            return new Data(item.id(), item.title(), item.description(),
                    item.source().name().toLowerCase(Locale.ROOT), item.storage(), item.personal(), item.encrypted(),
                    item.retention());
        }
    }

    @Schema(name = "PluginPermission")
    public record Permission(String id, String description, boolean groupScoped) {
        static Permission of(PermissionDefinition permission) {
            return new Permission(permission.id(), permission.description(), permission.groupScoped());
        }
    }

    /** A schema text (validated when the plugin was accepted) as JSON, {@code null} for none. */
    static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A schema accepted with its plugin no longer parses", e);
        }
    }
}
