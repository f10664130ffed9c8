package org.garrison.tasks.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.garrison.api.device.DeviceService;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskScope;
import org.garrison.tasks.internal.schedule.ScheduleRules;

/**
 * Checks a task draft against the task types, groups and devices as they are now, and works out the group that
 * decides who may see, change and run the task. Every problem is reported at once, each with its path.
 */
final class TaskValidation {

    /** The largest parameters object, in characters of its JSON text (what an instruction may carry). */
    static final int MAX_PARAMETERS_LENGTH = 64 * 1024;

    private final TaskTypeCatalog types;
    private final GroupService groups;
    private final DeviceService devices;
    private final Supplier<JsonSchemaValidator> validator;
    private final TaskJson json;

    TaskValidation(TaskTypeCatalog types, GroupService groups, DeviceService devices,
            Supplier<JsonSchemaValidator> validator, TaskJson json) {
        this.types = types;
        this.groups = groups;
        this.devices = devices;
        this.validator = validator;
        this.json = json;
    }

    /**
     * A valid draft's task type and scope group.
     *
     * @param type         the draft's task type
     * @param scopeGroupId who may see, change and run the task
     */
    record Checked(TaskTypeDefinition type, UUID scopeGroupId) {
    }

    /**
     * @param previous the task before this change, or {@code null} for a new one
     * @throws ValidationException with every problem found
     * @throws ValidatorUnavailableException if the parameters cannot be checked now
     */
    Checked check(TaskDraft draft, Instant now, Task previous) {
        List<FieldError> errors = new ArrayList<>();
        checkName(draft.name(), errors);
        TaskTypeDefinition type = null;
        if (previous != null && (!Objects.equals(draft.application(), previous.application())
                || !Objects.equals(draft.type(), previous.type()))) {
            errors.add(new FieldError("type", "cannot change (" + previous.application() + "/" + previous.type()
                    + "); create a new task instead"));
        } else if (draft.application() == null || draft.application().isBlank()) {
            errors.add(new FieldError("application", "is required: a plugin id, \"agent\" or \"server\""));
        } else if (draft.type() == null || draft.type().isBlank()) {
            errors.add(new FieldError("type", "is required"));
        } else {
            type = types.find(draft.application(), draft.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError("type", "no task type " + draft.application() + "/" + draft.type()
                        + " is available (GET /task-types lists them; a plugin's types are there while it is "
                        + "active)"));
            }
        }
        if (type != null) {
            checkParameters(type, draft.parameters(), errors);
        }
        UUID scopeGroup = type == null ? null : checkScope(type, draft.scope(), errors);
        errors.addAll(ScheduleRules.check(draft.schedule(), now, previous == null ? null : previous.schedule()));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Checked(type, scopeGroup);
    }

    private static void checkName(String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > Task.MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "must be at most " + Task.MAX_NAME_LENGTH + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
    }

    private void checkParameters(TaskTypeDefinition type, Map<String, Object> parameters, List<FieldError> errors) {
        if (json.length(parameters) > MAX_PARAMETERS_LENGTH) {
            errors.add(new FieldError("parameters", "must be at most " + MAX_PARAMETERS_LENGTH
                    + " characters as JSON"));
            return;
        }
        JsonSchemaValidator schemas = validator.get();
        if (schemas == null) {
            throw new ValidatorUnavailableException();
        }
        for (FieldError error : schemas.validate(type.parametersSchema(), parameters)) {
            errors.add(new FieldError(error.field() == null || error.field().isEmpty() ? "parameters"
                    : "parameters/" + error.field(), error.message()));
        }
    }

    /** @return the scope group, or {@code null} when the scope is invalid */
    private UUID checkScope(TaskTypeDefinition type, TaskScope scope, List<FieldError> errors) {
        if (!type.runsOnDevices()) {
            if (scope != null) {
                errors.add(new FieldError("scope", "must be absent: the server runs " + type.application() + "/"
                        + type.type() + " itself"));
                return null;
            }
            return AdministrationGroup.MANAGED_DEVICES;
        }
        if (scope == null || scope.groupId() == null && scope.deviceIds().isEmpty()) {
            errors.add(new FieldError("scope", "is required: a groupId (the group and its subgroups) or deviceIds"));
            return null;
        }
        if (scope.groupId() != null) {
            if (!scope.deviceIds().isEmpty()) {
                errors.add(new FieldError("scope", "names either a groupId or deviceIds, not both"));
                return null;
            }
            try {
                groups.get(scope.groupId());
            } catch (NotFoundException e) {
                errors.add(new FieldError("scope/groupId", "no group " + scope.groupId() + " exists"));
                return null;
            }
            return scope.groupId();
        }
        if (scope.deviceIds().size() > TaskScope.MAX_DEVICES) {
            errors.add(new FieldError("scope/deviceIds", "must name at most " + TaskScope.MAX_DEVICES
                    + " devices; use a group for more"));
            return null;
        }
        Map<UUID, UUID> groupOf = devices.groupsOf(new LinkedHashSet<>(scope.deviceIds()));
        for (UUID deviceId : scope.deviceIds()) {
            if (!groupOf.containsKey(deviceId)) {
                errors.add(new FieldError("scope/deviceIds", "no device " + deviceId + " exists"));
            }
        }
        return groupOf.size() < scope.deviceIds().size() ? null : commonGroup(Set.copyOf(groupOf.values()));
    }

    /**
     * The smallest group whose subtree holds all these groups; "Managed devices" (the whole server) when they lie in
     * different trees (some in "Unassigned devices").
     */
    UUID commonGroup(Set<UUID> groupIds) {
        List<UUID> common = null;
        Map<UUID, List<UUID>> paths = new HashMap<>();
        for (UUID groupId : groupIds) {
            List<UUID> path = paths.computeIfAbsent(groupId, id -> {
                List<UUID> line = new ArrayList<>(groups.ancestors(id).stream().map(AdministrationGroup::id)
                        .toList());
                line.add(id);
                return line;
            });
            if (common == null) {
                common = new ArrayList<>(path);
            } else {
                int same = 0;
                while (same < common.size() && same < path.size() && common.get(same).equals(path.get(same))) {
                    same++;
                }
                common = new ArrayList<>(common.subList(0, same));
            }
        }
        return common == null || common.isEmpty() ? AdministrationGroup.MANAGED_DEVICES
                : common.get(common.size() - 1);
    }
}
