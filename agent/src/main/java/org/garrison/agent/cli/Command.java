package org.garrison.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code garrison-agent} command. */
interface Command {

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param out  where its results go (the log goes to standard error)
     * @return the exit code
     */
    int run(List<String> args, PrintStream out) throws CliFailure;
}
