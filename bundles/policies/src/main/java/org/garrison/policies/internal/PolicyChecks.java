package org.garrison.policies.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.plugin.PluginState;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyState;

/**
 * Everything a policy is checked against before it is stored: its own fields, the application's settings schema
 * (of the active plugin, which comes and goes with the extender), and what it inherits — forced inheritance and
 * locked values of the policies above, read in the storing transaction.
 */
final class PolicyChecks {

    /** The schema a policy is checked against, with the plugin version it comes from. */
    record Schema(SchemaCheck check, String version) {
    }

    private final GroupPaths groups;
    private final PolicyRepository repository;
    private final PolicyJson json;
    private final AtomicReference<PluginRegistry> registry = new AtomicReference<>();
    private final AtomicReference<JsonSchemaValidator> validator = new AtomicReference<>();

    PolicyChecks(GroupPaths groups, PolicyRepository repository, PolicyJson json) {
        this.groups = groups;
        this.repository = repository;
        this.json = json;
    }

    AtomicReference<PluginRegistry> registry() {
        return registry;
    }

    AtomicReference<JsonSchemaValidator> validator() {
        return validator;
    }

    /**
     * The draft's fields in their stored form.
     *
     * @throws ValidationException with every problem of the fields
     */
    PolicyDraftCheck.Checked fields(PolicyDraft draft, int maxProfiles) {
        List<FieldError> errors = new ArrayList<>();
        PolicyDraftCheck.Checked checked = PolicyDraftCheck.check(draft, maxProfiles, groups::exists, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return checked;
    }

    /**
     * The settings schema of the application's active plugin.
     *
     * @throws ValidationException (field {@code application}) when it has none
     */
    Schema schemaOf(String application) {
        return activeSchema(application).orElseThrow(() -> new ValidationException("application",
                "has no active plugin with a settings schema; install and start the plugin " + application
                        + " first"));
    }

    /** The settings schema of the application's active plugin, if it has one. */
    Optional<Schema> activeSchema(String application) {
        PluginRegistry plugins = registry.get();
        JsonSchemaValidator schemas = validator.get();
        if (plugins == null || schemas == null) {
            return Optional.empty();
        }
        Optional<String> schema = plugins.settingsSchema(application);
        if (schema.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Schema(new SchemaCheck(application, schema.get(), schemas),
                    plugins.plugin(application).version()));
        } catch (NotFoundException uninstalledMeanwhile) {
            return Optional.empty();
        }
    }

    /** The applications with an active plugin that has a settings schema, by id. */
    List<String> managedApplications() {
        return managedPlugins().stream().map(PluginInfo::id).toList();
    }

    /** {@code id@version} of every application with an active plugin that has a settings schema, by id. */
    List<String> managedApplicationVersions() {
        return managedPlugins().stream().map(plugin -> plugin.id() + "@" + plugin.version()).toList();
    }

    private List<PluginInfo> managedPlugins() {
        PluginRegistry plugins = registry.get();
        if (plugins == null) {
            return List.of();
        }
        return plugins.plugins().stream()
                .filter(plugin -> plugin.state() == PluginState.ACTIVE
                        && plugins.settingsSchema(plugin.id()).isPresent())
                .sorted(Comparator.comparing(PluginInfo::id)).toList();
    }

    /**
     * Checks settings and profiles against what the policy inherits (forced inheritance, locks) and, when that
     * passes, against the schema.
     *
     * @throws ValidationException with every problem found
     */
    void content(Connection c, PolicyDraftCheck.Checked checked, Schema schema) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        PolicyChain above = chainAbove(c, checked.application(), checked.groupId(), checked.state());
        if (!checked.inheritFromParent() && above.forcesInheritance()) {
            errors.add(new FieldError("inheritFromParent", "must be true: the policy \"" + above.forcer().name()
                    + "\" of the group \"" + groups.name(above.forcer().groupId()) + "\" forces inheritance"));
        }
        PolicyChain inherited = above.below(checked.inheritFromParent());
        LockConflicts conflicts = new LockConflicts(PolicyLayers.merge(inherited), groups::name);
        errors.addAll(conflicts.in(checked.settings(), "settings"));
        for (int i = 0; i < checked.profiles().size(); i++) {
            errors.addAll(conflicts.in(checked.profiles().get(i).settings(), "profiles/" + i + "/settings"));
        }
        if (json.document(checked.settings(), checked.lockedSettings(), checked.profiles()).length()
                > PolicyJson.MAX_DOCUMENT_LENGTH) {
            errors.add(new FieldError("settings", "with the locked paths and profiles must take at most "
                    + PolicyJson.MAX_DOCUMENT_LENGTH + " characters of JSON"));
        }
        if (errors.isEmpty()) {
            errors.addAll(schema.check().problems(inherited, checked.settings(), checked.profiles()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** What a stored policy no longer matches in the schema, merged over what it inherits now. */
    List<FieldError> problems(Connection c, Policy policy, Schema schema) throws SQLException {
        return schema.check().problems(chainAbove(c, policy.application(), policy.groupId(), policy.state())
                .below(policy.inheritFromParent()), policy.settings(), policy.profiles());
    }

    /**
     * The chain of policies above a group, as a policy of the group in the given state inherits it: out-of-office
     * policies above count for an out-of-office policy.
     */
    private PolicyChain chainAbove(Connection c, String application, UUID groupId, PolicyState state)
            throws SQLException {
        List<UUID> above = groups.path(groupId);
        above.remove(above.size() - 1);
        if (above.isEmpty()) {
            return PolicyChain.EMPTY;
        }
        Map<UUID, Policy> active = new HashMap<>();
        Map<UUID, Policy> away = new HashMap<>();
        for (Policy policy : repository.inForce(c, application, above)) {
            (policy.state() == PolicyState.ACTIVE ? active : away).put(policy.groupId(), policy);
        }
        boolean outside = state == PolicyState.OUT_OF_OFFICE;
        return PolicyChain.along(above, group -> outside && away.containsKey(group) ? away.get(group)
                : active.get(group));
    }
}
