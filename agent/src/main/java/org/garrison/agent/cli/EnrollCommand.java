package org.garrison.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.garrison.agent.enrollment.Enrollment;
import org.garrison.agent.enrollment.EnrollmentFailedException;
import org.garrison.agent.identity.EnrollmentToken;
import org.garrison.agent.identity.IdentityStore;
import org.garrison.agent.inventory.InventorySource;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.outbox.Outbox;
import org.garrison.agent.outbox.OutboxLockedException;
import org.garrison.agent.outbox.OutboxOptions;
import org.garrison.agent.sync.InventoryTracker;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.agent.transport.GatewayException;
import org.garrison.api.agent.AgentState;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code garrison-agent enroll --server URL --token TOKEN [--token-file F] [--data-dir D] [--config F]}: gets the
 * agent's certificate and stores its identity in the data folder. Enrolling again (same machine) keeps the same agent
 * and device on the server.
 */
final class EnrollCommand implements Command {

    private final Supplier<InventorySource> machine;
    private final Clock clock;

    EnrollCommand(Supplier<InventorySource> machine, Clock clock) {
        this.machine = machine;
        this.clock = clock;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CliFailure {
        Arguments arguments = Arguments.parse(args, Set.of("server", "token", "token-file", "data-dir", "config"),
                Set.of());
        AgentConfig config = Cli.config(arguments);
        String serverText = arguments.value("server").or(() -> Optional.ofNullable(config.serverUrl()))
                .orElseThrow(() -> CliFailure.usage("Give the server: --server https://host:13000"));
        URI server = ServerAddress.parse(serverText);
        EnrollmentToken token = token(arguments);
        Path data = config.dataFolder();
        ObjectMapper json = AgentJson.newMapper();
        ensureNotRunning(data);
        Enrollment enrollment = new Enrollment(GatewayChannels.defaults(json, AgentVersion.userAgent()), clock,
                AgentVersion.version());
        Enrollment.Enrolled enrolled;
        try {
            enrolled = enrollment.enroll(server, token, machine.get());
        } catch (GatewayException e) {
            throw GatewayFailures.explain(e);
        } catch (EnrollmentFailedException e) {
            throw new CliFailure(ExitCodes.NOT_TRUSTED, "The server's answer cannot be used: " + e.getMessage(), e);
        }
        try {
            new IdentityStore(data, json).save(enrolled.identity(), enrolled.record());
            InventoryTracker.forgetIn(data);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "The agent's identity cannot be stored in " + data + ": " + e, e);
        }
        out.println("Enrolled with " + server + " as agent " + enrolled.record().agentId() + ".");
        out.println("Certificate valid until " + enrolled.identity().expiresAt() + "; identity stored in " + data
                + ".");
        if (enrolled.record().state() == AgentState.PENDING_APPROVAL) {
            out.println("An administrator must approve this agent before it syncs; it retries until then.");
        }
        out.println("Start it with: garrison-agent run (or systemctl start garrison-agent).");
        return ExitCodes.OK;
    }

    private static EnrollmentToken token(Arguments arguments) throws CliFailure {
        String text;
        if (arguments.value("token").isPresent() && arguments.value("token-file").isPresent()) {
            throw CliFailure.usage("Give either --token or --token-file, not both");
        }
        if (arguments.value("token-file").isPresent()) {
            Path file = Path.of(arguments.value("token-file").get());
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliFailure.usage("The token file " + file + " cannot be read: " + e.getMessage());
            }
        } else {
            text = arguments.value("token").or(() -> Optional.ofNullable(System.getenv("GARRISON_TOKEN")))
                    .orElseThrow(() -> CliFailure.usage("Give the enrollment token: --token TOKEN, --token-file F "
                            + "or the environment variable GARRISON_TOKEN"));
        }
        try {
            return EnrollmentToken.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }

    /** Refuses to replace the identity under a running agent (it holds the outbox). */
    private void ensureNotRunning(Path data) throws CliFailure {
        try (Outbox outbox = Outbox.open(data.resolve("outbox"), OutboxOptions.durable(OutboxOptions.DEFAULT_MAX_BYTES),
                clock)) {
            outbox.lastSeq();
        } catch (OutboxLockedException e) {
            throw new CliFailure(ExitCodes.FAILED, "An agent is running with the data folder " + data
                    + ": stop it first (systemctl stop garrison-agent)", e);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "The data folder " + data + " cannot be used: " + e, e);
        }
    }
}
