package org.garrison.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.garrison.api.plugin.PluginContributions;
import org.garrison.extender.internal.descriptor.PluginDescriptor;

/**
 * What {@link PluginDescriptorCheck} found in a plugin JAR.
 *
 * @param jar              the JAR checked
 * @param pluginId         the descriptor's id, or {@code null} when the descriptor was refused
 * @param version          the descriptor's version, or {@code null} when refused
 * @param taskTypes        the task types it declares (empty when refused)
 * @param eventTypes       the event types it declares
 * @param dataKinds        the application-data kinds it declares
 * @param tables           the tables its changelog creates
 * @param importedPackages the packages of its {@code Import-Package} header
 * @param problems         every problem, empty when the JAR passed
 * @param contributions    everything the descriptor contributes as the server registers it (permissions, data
 *                         declarations, console modules, ...); {@link PluginContributions#NONE} when refused
 */
public record PluginCheckResult(Path jar, String pluginId, String version, List<String> taskTypes,
        List<String> eventTypes, List<String> dataKinds, List<String> tables, List<String> importedPackages,
        List<Problem.FieldProblem> problems, PluginContributions contributions) {

    public PluginCheckResult {
        contributions = contributions == null ? PluginContributions.NONE : contributions;
        taskTypes = List.copyOf(taskTypes);
        eventTypes = List.copyOf(eventTypes);
        dataKinds = List.copyOf(dataKinds);
        tables = List.copyOf(tables);
        importedPackages = List.copyOf(importedPackages);
        problems = List.copyOf(problems);
    }

    static PluginCheckResult of(Path jar, PluginDescriptor descriptor, List<String> imports,
            List<Problem.FieldProblem> problems) {
        if (descriptor == null) {
            return new PluginCheckResult(jar, null, null, List.of(), List.of(), List.of(), List.of(), imports,
                    problems, PluginContributions.NONE);
        }
        var contributions = descriptor.contributions();
        return new PluginCheckResult(jar, descriptor.id(), descriptor.version().toString(),
                contributions.taskTypes().stream().map(t -> t.type()).toList(),
                contributions.eventTypes().stream().map(e -> e.type()).toList(),
                contributions.dataKinds().stream().map(k -> k.kind()).toList(),
                descriptor.migrations() == null ? List.of() : descriptor.migrations().tables(), imports, problems,
                contributions);
    }

    /** Whether the JAR passed every check. */
    public boolean passed() {
        return problems.isEmpty();
    }

    /**
     * @return this result, when the JAR passed
     * @throws AssertionError listing every problem otherwise
     */
    public PluginCheckResult requirePassed() {
        if (!passed()) {
            throw new AssertionError(jar.getFileName() + " would be refused by the server:\n" + problems.stream()
                    .map(p -> "  " + p.field() + ": " + p.message()).collect(Collectors.joining("\n")));
        }
        return this;
    }
}
