package org.garrison.tasks.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.garrison.api.agent.Instruction;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.task.ServerTaskRunner;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The task types available now: the Network Agent's own, those of the active plugins (as the extender reports them)
 * and those with a {@link ServerTaskRunner}. Plugins and runners come and go at runtime, so both are dynamic.
 */
@Component(service = TaskTypeCatalog.class)
public class TaskTypeCatalog {

    /** A task type without parameters. */
    static final String NO_PARAMETERS = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";

    /** The Network Agent's own task types, delivered as its own instructions (no application). */
    static final List<TaskTypeDefinition> AGENT_TYPES = List.of(
            new TaskTypeDefinition(TaskTypeDefinition.AGENT, Instruction.REFRESH_INVENTORY, "Refresh inventory",
                    "The agent collects the device's whole inventory again and sends it as a full report.",
                    NO_PARAMETERS, true),
            new TaskTypeDefinition(TaskTypeDefinition.AGENT, Instruction.SYNC_NOW, "Sync now",
                    "The agent syncs with the server at once.", NO_PARAMETERS, true));

    private static final Comparator<TaskTypeDefinition> ORDER = Comparator.comparing(TaskTypeDefinition::application)
            .thenComparing(TaskTypeDefinition::type);

    private final List<ServerTaskRunner> runners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginRegistry plugins;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRunner(ServerTaskRunner runner) {
        runners.add(runner);
    }

    void removeRunner(ServerTaskRunner runner) {
        runners.remove(runner);
    }

    /** Every available type, by application and type. */
    public List<TaskTypeDefinition> all() {
        List<TaskTypeDefinition> all = new ArrayList<>(AGENT_TYPES);
        PluginRegistry registry = plugins;
        if (registry != null) {
            all.addAll(registry.taskTypes());
        }
        for (ServerTaskRunner runner : runners) {
            TaskTypeDefinition type = runner.type();
            if (TaskTypeDefinition.SERVER.equals(type.application())) {
                all.add(type);
            }
        }
        all.sort(ORDER);
        return all;
    }

    /** One available type. */
    public Optional<TaskTypeDefinition> find(String application, String type) {
        if (application == null || type == null) {
            return Optional.empty();
        }
        if (TaskTypeDefinition.AGENT.equals(application)) {
            return AGENT_TYPES.stream().filter(t -> t.type().equals(type)).findFirst();
        }
        if (TaskTypeDefinition.SERVER.equals(application)) {
            return runners.stream().map(ServerTaskRunner::type)
                    .filter(t -> application.equals(t.application()) && type.equals(t.type())).findFirst();
        }
        PluginRegistry registry = plugins;
        return registry == null ? Optional.empty() : registry.taskType(application, type);
    }

    /** The runner of a type the server runs, if one is registered. */
    public Optional<ServerTaskRunner> runner(String application, String type) {
        return runners.stream().filter(runner -> application.equals(runner.type().application())
                && type.equals(runner.type().type())).findFirst();
    }
}
