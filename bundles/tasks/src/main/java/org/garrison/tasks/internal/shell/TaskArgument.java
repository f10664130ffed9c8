package org.garrison.tasks.internal.shell;

import java.util.UUID;

import org.garrison.api.Ids;

/**
 * A task named on the command line, by its id.
 */
final class TaskArgument {

    private TaskArgument() {
    }

    static UUID id(String text) {
        return Ids.parse("task", text == null ? null : text.strip());
    }
}
