package org.garrison.extender.internal.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.plugin.ConsoleContribution;
import org.garrison.api.plugin.ConsoleContributionKind;
import org.garrison.api.plugin.DataKindDefinition;
import org.garrison.api.plugin.PluginContributions;
import org.garrison.api.plugin.PluginHeaders;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.security.PermissionDefinition;
import org.garrison.api.security.Permissions;
import org.garrison.extender.internal.schema.JsonSchemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a plugin's descriptor and everything it refers to, and refuses it with every problem at once: the
 * descriptor must match the descriptor schema ({@code schemas/plugin.schema.json} of this bundle), agree with the
 * manifest header, name only files that exist, refer only to valid draft 2020-12 schemas, prefix its permissions and
 * tables with its id, and so on.
 */
public final class DescriptorReader {

    /** Where schemas live in a plugin JAR; the descriptor names them relative to this folder. */
    public static final String SCHEMAS = PluginHeaders.INF_FOLDER + "schemas/";

    /** Where console modules live in a plugin JAR; the descriptor names them relative to this folder. */
    public static final String CONSOLE = PluginHeaders.INF_FOLDER + "console/";

    /** Ids the server uses for itself, in events ("core") and task types ("server", "agent"). */
    private static final Set<String> RESERVED_IDS = Set.of("core", "server", "agent", "garrison");

    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.m?js");
    /** The largest schema file: schemas are read whole and compiled. */
    private static final int MAX_SCHEMA_BYTES = 1024 * 1024;
    private static final String DESCRIPTOR_FIELD = "plugin.json";

    private final JsonSchemas schemas;
    private final String descriptorSchema;
    private final ObjectMapper mapper = new ObjectMapper();

    public DescriptorReader(JsonSchemas schemas) {
        this.schemas = schemas;
        try (InputStream in = DescriptorReader.class.getResourceAsStream("/schemas/plugin.schema.json")) {
            this.descriptorSchema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The descriptor schema is missing from the extender bundle", e);
        }
    }

    /**
     * @param header the plugin's parsed manifest header
     * @param files  the plugin's files
     * @throws ValidationException listing every problem, each field a path below {@code GARRISON-INF/}
     */
    public PluginDescriptor read(PluginHeader header, PluginFiles files) {
        JsonNode root = parse(files);
        Map<String, Object> asValue = mapper.convertValue(root, Map.class);
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : schemas.validate(descriptorSchema, asValue)) {
            errors.add(new FieldError(field(error.field()), error.message()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Reading(header, files, root, errors).descriptor();
    }

    /**
     * Why the server cannot run the plugin, if it cannot: the plugin's minimum server version is newer than the
     * server's.
     */
    public static Optional<String> incompatibility(PluginDescriptor descriptor, PluginVersion server) {
        PluginVersion minimum = descriptor.minServerVersion();
        if (minimum != null && minimum.compareTo(server) > 0) {
            return Optional.of("Plugin " + descriptor.id() + " " + descriptor.version() + " needs Garrison "
                    + minimum + " or later; this server is " + server);
        }
        return Optional.empty();
    }

    private JsonNode parse(PluginFiles files) {
        byte[] bytes;
        try {
            bytes = files.read(PluginHeaders.DESCRIPTOR).orElseThrow(() -> new ValidationException(DESCRIPTOR_FIELD,
                    "is missing: a plugin JAR carries its descriptor at " + PluginHeaders.DESCRIPTOR));
        } catch (java.io.UncheckedIOException e) {
            throw new ValidationException(DESCRIPTOR_FIELD, "cannot be read: " + e.getCause().getMessage());
        }
        try {
            JsonNode root = mapper.readTree(utf8(bytes, DESCRIPTOR_FIELD));
            if (root == null || !root.isObject()) {
                throw new ValidationException(DESCRIPTOR_FIELD, "must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ValidationException(DESCRIPTOR_FIELD, "is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? DESCRIPTOR_FIELD : DESCRIPTOR_FIELD + "/" + path;
    }

    private static String utf8(byte[] bytes, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException(field, "is not UTF-8 text");
        }
    }

    /** One descriptor being read: collects every problem before refusing. */
    private final class Reading {

        private final PluginHeader header;
        private final PluginFiles files;
        private final JsonNode root;
        private final List<FieldError> errors;
        private final String id;
        private final Map<String, String> schemaTexts = new LinkedHashMap<>();

        Reading(PluginHeader header, PluginFiles files, JsonNode root, List<FieldError> errors) {
            this.header = header;
            this.files = files;
            this.root = root;
            this.errors = errors;
            this.id = root.path("id").asText();
        }

        PluginDescriptor descriptor() {
            PluginVersion version = PluginVersion.parse(root.path("version").asText());
            checkHeader(version);
            PluginVersion minServer = root.hasNonNull("minServerVersion")
                    ? PluginVersion.parse(root.get("minServerVersion").asText()) : null;
            List<PermissionDefinition> permissions = permissions();
            PluginContributions contributions = new PluginContributions(
                    schema("settingsSchema", root.path("settingsSchema")),
                    taskTypes(), eventTypes(), dataKinds(), console(permissions), data(), permissions);
            PluginMigrations migrations = migrations();
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new PluginDescriptor(id, root.path("name").asText(), text(root, "vendor"),
                    text(root, "description"), version, minServer, contributions, migrations);
        }

        private void checkHeader(PluginVersion version) {
            if (!header.id().equals(id)) {
                errors.add(new FieldError(field("id"), "is '" + id + "' but the manifest header "
                        + PluginHeaders.PLUGIN + " says '" + header.id() + "'"));
            }
            if (!header.version().equals(version)) {
                errors.add(new FieldError(field("version"), "is " + version + " but the manifest header "
                        + PluginHeaders.PLUGIN + " says " + header.version()));
            }
            if (RESERVED_IDS.contains(id)) {
                errors.add(new FieldError(field("id"), "'" + id + "' is reserved for the server itself"));
            }
        }

        private List<TaskTypeDefinition> taskTypes() {
            List<TaskTypeDefinition> types = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            forEach("taskTypes", (node, path) -> {
                String type = node.get("type").asText();
                unique(seen, type, path + "/type", "task type");
                types.add(new TaskTypeDefinition(id, type, node.get("title").asText(), text(node, "description"),
                        schema(path + "/parametersSchema", node.path("parametersSchema")),
                        node.path("runsOnDevices").asBoolean(true)));
            });
            return types;
        }

        private List<EventTypeDefinition> eventTypes() {
            List<EventTypeDefinition> types = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            forEach("eventTypes", (node, path) -> {
                String type = node.get("type").asText();
                unique(seen, type, path + "/type", "event type");
                if (node.has("source") && !id.equals(node.get("source").asText())) {
                    errors.add(new FieldError(field(path + "/source"), "must be the plugin id '" + id
                            + "': a plugin reports events of its own application only"));
                }
                EventSeverity severity = EventSeverity.fromWireName(node.get("defaultSeverity").asText())
                        .orElseThrow();
                types.add(new EventTypeDefinition(id, type, severity, node.get("title").asText(),
                        schema(path + "/payloadSchema", node.path("payloadSchema"))));
            });
            return types;
        }

        private List<DataKindDefinition> dataKinds() {
            List<DataKindDefinition> kinds = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            forEach("dataKinds", (node, path) -> {
                String kind = node.get("kind").asText();
                unique(seen, kind, path + "/kind", "data kind");
                kinds.add(new DataKindDefinition(id, kind, node.get("title").asText(),
                        schema(path + "/schema", node.path("schema"))));
            });
            return kinds;
        }

        private List<ConsoleContribution> console(List<PermissionDefinition> permissions) {
            Set<String> known = new HashSet<>();
            permissions.forEach(p -> known.add(p.id()));
            Permissions.CORE.forEach(p -> known.add(p.id()));
            Set<String> pages = new HashSet<>();
            forEach("console", (node, path) -> {
                if ("page".equals(node.get("kind").asText())) {
                    pages.add(node.get("id").asText());
                }
            });
            List<ConsoleContribution> contributions = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            forEach("console", (node, path) -> {
                String contributionId = node.get("id").asText();
                unique(seen, contributionId, path + "/id", "console contribution");
                ConsoleContributionKind kind = switch (node.get("kind").asText()) {
                    case "page" -> ConsoleContributionKind.PAGE;
                    case "device-tab" -> ConsoleContributionKind.DEVICE_TAB;
                    default -> ConsoleContributionKind.NAVIGATION;
                };
                String module = node.get("module").asText();
                if (kind == ConsoleContributionKind.NAVIGATION) {
                    if (!pages.contains(module)) {
                        errors.add(new FieldError(field(path + "/module"), "must be the id of one of the "
                                + "plugin's pages, not '" + module + "'"));
                    }
                } else if (!MODULE.matcher(module).matches()) {
                    errors.add(new FieldError(field(path + "/module"), "must be a .js or .mjs file below "
                            + CONSOLE + " (letters, digits, _ and - in each folder and name)"));
                } else if (!files.exists(CONSOLE + module)) {
                    errors.add(new FieldError(field(path + "/module"), "names " + CONSOLE + module
                            + ", which is not in the JAR"));
                }
                String permission = text(node, "permission");
                if (permission != null && !known.contains(permission)) {
                    errors.add(new FieldError(field(path + "/permission"), "'" + permission + "' is neither a "
                            + "permission of the plugin nor of the server"));
                }
                Map<String, String> titles = new LinkedHashMap<>();
                node.path("titles").fields().forEachRemaining(e -> titles.put(e.getKey(), e.getValue().asText()));
                contributions.add(new ConsoleContribution(kind, contributionId, node.get("title").asText(), titles,
                        module, permission));
            });
            return contributions;
        }

        private List<DataItem> data() {
            List<DataItem> items = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            forEach("data", (node, path) -> {
                String itemId = node.get("id").asText();
                unique(seen, itemId, path + "/id", "data item");
                DataOrigin source = DataOrigin.valueOf(node.get("source").asText().toUpperCase(java.util.Locale.ROOT));
                items.add(new DataItem(itemId, id, node.get("title").asText(), text(node, "description"), source,
                        node.get("storage").asText(), node.get("personal").asBoolean(),
                        node.get("encrypted").asBoolean(), node.get("retention").asText()));
            });
            return items;
        }

        private List<PermissionDefinition> permissions() {
            List<PermissionDefinition> permissions = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            forEach("permissions", (node, path) -> {
                String permission = node.get("id").asText();
                unique(seen, permission, path + "/id", "permission");
                if (!permission.startsWith(id + ".")) {
                    errors.add(new FieldError(field(path + "/id"), "must start with the plugin id and a dot ('"
                            + id + ".')"));
                }
                permissions.add(new PermissionDefinition(permission, id, node.get("description").asText(),
                        node.path("groupScoped").asBoolean(true)));
            });
            return permissions;
        }

        private PluginMigrations migrations() {
            Optional<byte[]> changelog;
            try {
                changelog = files.read(PluginMigrations.CHANGELOG);
            } catch (java.io.UncheckedIOException e) {
                errors.add(new FieldError("migrations/changelog.sql", "cannot be read: " + e.getCause().getMessage()));
                return null;
            }
            if (changelog.isEmpty()) {
                return null;
            }
            try {
                return PluginMigrations.read(id, utf8(changelog.get(), "migrations/changelog.sql"), errors);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
                return null;
            }
        }

        /** The text of the schema file a field names, checked; {@code null} when the field is absent. */
        private String schema(String path, JsonNode reference) {
            if (reference == null || reference.isMissingNode() || reference.isNull()) {
                return null;
            }
            String file = reference.asText();
            String fieldName = field(path);
            if (schemaTexts.containsKey(file)) {
                return schemaTexts.get(file);
            }
            Optional<byte[]> bytes;
            try {
                bytes = files.read(SCHEMAS + file);
            } catch (java.io.UncheckedIOException e) {
                errors.add(new FieldError(fieldName, "names a file that cannot be read: " + e.getCause().getMessage()));
                return null;
            }
            if (bytes.isEmpty()) {
                errors.add(new FieldError(fieldName, "names " + SCHEMAS + file + ", which is not in the JAR"));
                return null;
            }
            if (bytes.get().length > MAX_SCHEMA_BYTES) {
                errors.add(new FieldError(fieldName, SCHEMAS + file + " is larger than " + MAX_SCHEMA_BYTES
                        + " bytes"));
                return null;
            }
            try {
                String text = utf8(bytes.get(), "schemas/" + file);
                for (FieldError problem : schemas.problemsOf(text)) {
                    errors.add(new FieldError("schemas/" + file + problem.field().replaceFirst("^schema", ""),
                            problem.message()));
                }
                schemaTexts.put(file, text);
                return text;
            } catch (ValidationException e) {
                errors.addAll(e.errors());
                return null;
            }
        }

        private void forEach(String array, ElementReader reader) {
            JsonNode items = root.path(array);
            for (int i = 0; i < items.size(); i++) {
                reader.read(items.get(i), array + "/" + i);
            }
        }

        private void unique(Set<String> seen, String value, String path, String what) {
            if (!seen.add(value)) {
                errors.add(new FieldError(field(path), "repeats the " + what + " '" + value + "'"));
            }
        }
    }

    @FunctionalInterface
    private interface ElementReader {
        void read(JsonNode node, String path);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
