package org.garrison.agent.outbox;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (a second agent on the same data folder) has the outbox open. */
public class OutboxLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutboxLockedException(Path folder) {
        super("The outbox in " + folder + " is in use by another agent process");
    }
}
