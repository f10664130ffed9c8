package org.garrison.agent.sync;

import java.io.IOException;
import java.nio.file.Path;

/** No agent has enrolled with the data folder yet. */
public class NotEnrolledException extends IOException {

    private static final long serialVersionUID = 1L;

    public NotEnrolledException(Path folder) {
        super("No agent has enrolled with the data folder " + folder
                + ": run garrison-agent enroll --server URL --token TOKEN first");
    }
}
