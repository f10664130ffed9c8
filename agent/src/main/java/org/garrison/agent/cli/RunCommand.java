package org.garrison.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.garrison.agent.bridge.LocalBridge;
import org.garrison.agent.inventory.InventorySource;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.outbox.OutboxLockedException;
import org.garrison.agent.sync.AgentSession;
import org.garrison.agent.sync.AgentSessions;
import org.garrison.agent.sync.Backoff;
import org.garrison.agent.sync.NotEnrolledException;
import org.garrison.agent.sync.SessionSettings;
import org.garrison.agent.sync.StatusFile;
import org.garrison.agent.sync.SyncLoop;
import org.garrison.agent.sync.WakeChannel;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.api.event.EventSeverity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code garrison-agent run [--config F] [--data-dir D]}: the agent in the foreground, as systemd runs it. It syncs
 * until stopped (SIGTERM: it finishes the sync under way, queues {@code agent-stopped} and exits 0) or until its
 * certificate is revoked (exit 7).
 */
final class RunCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final Supplier<InventorySource> machine;
    private final Clock clock;

    RunCommand(Supplier<InventorySource> machine, Clock clock) {
        this.machine = machine;
        this.clock = clock;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws CliFailure {
        Arguments arguments = Arguments.parse(args, Set.of("config", "data-dir"), Set.of());
        AgentConfig config = Cli.config(arguments);
        ObjectMapper json = AgentJson.newMapper();
        GatewayChannels channels = GatewayChannels.defaults(json, AgentVersion.userAgent());
        AgentSession session;
        try {
            session = AgentSessions.open(new SessionSettings(config.dataFolder(), config.outboxMaxBytes(), true,
                    config.inventoryInterval()), machine.get(), channels, clock, AgentVersion.version());
        } catch (NotEnrolledException e) {
            throw new CliFailure(ExitCodes.NOT_ENROLLED, e.getMessage(), e);
        } catch (OutboxLockedException e) {
            throw new CliFailure(ExitCodes.FAILED, "Another agent is already running with the data folder "
                    + config.dataFolder(), e);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "The agent's state in " + config.dataFolder()
                    + " cannot be read: " + e, e);
        }
        RandomGenerator random = new SecureRandom();
        SyncLoop loop = new SyncLoop(session, new Backoff(random), config.longestSyncWait(),
                new StatusFile(config.dataFolder(), json), clock, random);
        WakeChannel wake = config.wakeEnabled() ? new WakeChannel(session, loop, new Backoff(random)) : null;
        LocalBridge bridge = null;
        try {
            session.reports().coreEvent("agent-started", EventSeverity.INFO, "The Network Agent started",
                    Map.of("version", AgentVersion.version()));
            if (config.bridgeEnabled()) {
                bridge = LocalBridge.start(config.bridgePort(), config.dataFolder(), session, json);
            }
        } catch (IOException e) {
            closeQuietly(session);
            throw new CliFailure(ExitCodes.FAILED, "The agent cannot start: " + e, e);
        }
        LOG.info("Garrison agent {} started as agent {} with {}", AgentVersion.version(),
                session.record().agentId(), session.record().serverUrl());
        Shutdown shutdown = new Shutdown(session, loop, wake, bridge);
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "garrison-shutdown"));
        loop.start();
        if (wake != null) {
            wake.start();
        }
        try {
            loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean revoked = loop.revoked();
        shutdown.run();
        return revoked ? ExitCodes.REVOKED : ExitCodes.OK;
    }

    private static void closeQuietly(AgentSession session) {
        try {
            session.close();
        } catch (IOException e) {
            LOG.warn("Closing the outbox failed: {}", e.toString());
        }
    }

    /** Stops everything once, from the shutdown hook (SIGTERM) or after a revocation. */
    private static final class Shutdown {
        private final AgentSession session;
        private final SyncLoop loop;
        private final WakeChannel wake;
        private final LocalBridge bridge;
        private final AtomicBoolean done = new AtomicBoolean();

        Shutdown(AgentSession session, SyncLoop loop, WakeChannel wake, LocalBridge bridge) {
            this.session = session;
            this.loop = loop;
            this.wake = wake;
            this.bridge = bridge;
        }

        void run() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            if (bridge != null) {
                bridge.close();
            }
            if (wake != null) {
                wake.stop();
            }
            try {
                loop.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                session.reports().coreEvent("agent-stopped", EventSeverity.INFO, "The Network Agent stopped",
                        Map.of("version", AgentVersion.version()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Queueing agent-stopped failed: {}", e.toString());
            }
            closeQuietly(session);
            LOG.info("Garrison agent stopped");
        }
    }
}
