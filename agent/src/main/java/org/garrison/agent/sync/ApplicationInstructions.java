package org.garrison.agent.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.agent.Instruction;

/**
 * The instructions for managed applications that wait for their application to fetch them through the local bridge.
 * The set is replaced with every sync answer (an instruction no longer delivered was cancelled or answered); those an
 * application has reported {@code RUNNING} are not handed out again.
 */
final class ApplicationInstructions {

    private final Map<UUID, Instruction> waiting = new LinkedHashMap<>();
    private final Set<UUID> running = new HashSet<>();

    synchronized void replace(List<Instruction> delivered) {
        waiting.clear();
        for (Instruction instruction : delivered) {
            waiting.put(instruction.id(), instruction);
        }
        running.retainAll(waiting.keySet());
    }

    synchronized List<Instruction> forApplication(String application) {
        List<Instruction> result = new ArrayList<>();
        for (Instruction instruction : waiting.values()) {
            if (application.equals(instruction.application()) && !running.contains(instruction.id())) {
                result.add(instruction);
            }
        }
        return result;
    }

    synchronized Optional<Instruction> get(UUID id) {
        return Optional.ofNullable(waiting.get(id));
    }

    synchronized void started(UUID id) {
        running.add(id);
    }

    synchronized void finished(UUID id) {
        waiting.remove(id);
        running.remove(id);
    }
}
