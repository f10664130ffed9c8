package org.garrison.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.garrison.agent.identity.EnrollmentToken;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.simulation.Simulation;
import org.garrison.agent.simulation.SimulationOptions;
import org.garrison.agent.transport.GatewayChannels;

/**
 * {@code garrison-agent simulate --server URL --token T --count N [--seed S] [--spread SECONDS]
 * [--interval SECONDS] [--data-dir D] [--threads T] [--wake] [--inventory-interval SECONDS] [--duration SECONDS]}:
 * a fleet of simulated agents against a real server, for load tests and demonstrations.
 */
final class SimulateCommand implements Command {

    private final Clock clock;

    SimulateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CliFailure {
        Arguments arguments = Arguments.parse(args, Set.of("server", "token", "count", "seed", "spread", "interval",
                "data-dir", "threads", "inventory-interval", "duration"), Set.of("wake"));
        String serverText = arguments.value("server")
                .orElseThrow(() -> CliFailure.usage("Give the server: --server https://host:13000"));
        EnrollmentToken token;
        try {
            token = EnrollmentToken.parse(arguments.value("token").or(() -> Optional.ofNullable(
                    System.getenv("GARRISON_TOKEN"))).orElseThrow(() -> CliFailure.usage(
                            "Give an enrollment token whose maximum uses cover --count: --token TOKEN")));
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        if (arguments.value("count").isEmpty()) {
            throw CliFailure.usage("Give the number of simulated agents: --count N");
        }
        int interval = arguments.integer("interval", 0, 1, 86_400);
        int duration = arguments.integer("duration", 0, 1, Integer.MAX_VALUE);
        SimulationOptions options = new SimulationOptions(
                ServerAddress.parse(serverText), token,
                arguments.integer("count", 1, 1, 100_000),
                arguments.longValue("seed", 1),
                Duration.ofSeconds(arguments.integer("spread", 60, 0, 86_400)),
                interval == 0 ? null : Duration.ofSeconds(interval),
                Path.of(arguments.value("data-dir").orElse("garrison-simulation")),
                arguments.integer("threads", 8, 1, 256),
                arguments.flag("wake"),
                Duration.ofSeconds(arguments.integer("inventory-interval", 900, 10, 86_400)),
                duration == 0 ? null : Duration.ofSeconds(duration));
        Simulation simulation = new Simulation(options, GatewayChannels.defaults(AgentJson.newMapper(),
                AgentVersion.userAgent()), clock, out, AgentVersion.version());
        CountDownLatch completed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            simulation.stop();
            try {
                completed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "garrison-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("Simulating %d agents against %s (seed %d, data in %s)%n", options.count(), options.server(),
                options.seed(), options.dataFolder().toAbsolutePath());
        try {
            simulation.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            completed.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down (Ctrl-C): the hook is running
        }
        return simulation.enrolled() > 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
