package org.garrison.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.garrison.agent.inventory.InventorySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code garrison-agent} command line: picks the command and turns failures into messages and exit codes. */
public final class Cli {

    static final String USAGE = """
            Usage: garrison-agent <command> [options]
              enroll   --server https://HOST:13000 --token TOKEN [--token-file F] [--data-dir D] [--config F]
              run      [--config F] [--data-dir D]          run in the foreground (systemd runs this)
              status   [--config F] [--data-dir D] [--json]
              simulate --server URL --token TOKEN --count N [--seed S] [--spread SECONDS] [--interval SECONDS]
                       [--data-dir D] [--threads T] [--wake] [--inventory-interval SECONDS] [--duration SECONDS]
              version
            Exit codes: 0 ok, 1 failed, 2 usage, 3 not enrolled, 4 server unreachable, 5 server not trusted,
                        6 refused by the server, 7 certificate revoked.
            """;

    private final Map<String, Command> commands;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param machine the machine the agent runs on (its inventory and hardware id), made when a command needs it
     */
    public Cli(Supplier<InventorySource> machine, Clock clock, PrintStream out, PrintStream err) {
        this.commands = Map.of(
                "enroll", new EnrollCommand(machine, clock),
                "run", new RunCommand(machine, clock),
                "status", new StatusCommand(),
                "simulate", new SimulateCommand(clock));
        this.out = out;
        this.err = err;
    }

    /** Runs the command line; returns the exit code. */
    public int run(List<String> args) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? ExitCodes.USAGE : ExitCodes.OK;
        }
        if ("version".equals(args.get(0)) || "--version".equals(args.get(0))) {
            out.println(AgentVersion.userAgent());
            return ExitCodes.OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("Unknown command: " + args.get(0));
            err.print(USAGE);
            return ExitCodes.USAGE;
        }
        try {
            return command.run(args.subList(1, args.size()), out);
        } catch (CliFailure failure) {
            err.println("garrison-agent " + args.get(0) + ": " + failure.getMessage());
            if (failure.getCause() != null) {
                Logger log = LoggerFactory.getLogger(Cli.class);
                log.debug("Cause", failure.getCause());
            }
            return failure.exitCode();
        }
    }

    /** The configuration for a command: {@code --config} or the default file, {@code --data-dir} applied. */
    static AgentConfig config(Arguments arguments) throws CliFailure {
        AgentConfig config = AgentConfig.load(arguments.value("config").map(Path::of));
        Optional<String> data = arguments.value("data-dir");
        return data.isPresent() ? config.withDataFolder(Path.of(data.get())) : config;
    }
}
