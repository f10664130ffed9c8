package org.garrison.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.garrison.agent.identity.AgentRecord;
import org.garrison.agent.identity.IdentityStore;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.sync.AgentStatus;
import org.garrison.agent.sync.StatusFile;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code garrison-agent status [--json]}: whether the agent is enrolled, its ids, outbox and last sync, as the running
 * agent last wrote them. Exit 0 when enrolled, 3 when not, 7 when its certificate is revoked.
 */
final class StatusCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out) throws CliFailure {
        Arguments arguments = Arguments.parse(args, Set.of("config", "data-dir"), Set.of("json"));
        AgentConfig config = Cli.config(arguments);
        ObjectMapper json = AgentJson.newMapper();
        Optional<AgentRecord> record;
        Optional<AgentStatus> status;
        try {
            record = new IdentityStore(config.dataFolder(), json).record();
            status = new StatusFile(config.dataFolder(), json).read();
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "The agent's state in " + config.dataFolder()
                    + " cannot be read: " + e, e);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enrolled", record.isPresent());
        view.put("dataDir", config.dataFolder().toString());
        record.ifPresent(r -> {
            view.put("agentId", r.agentId());
            view.put("serverUrl", r.serverUrl());
            view.put("enrolledAt", r.enrolledAt());
            view.put("certificateExpiresAt", r.expiresAt());
            view.put("renewAfter", r.renewAfter());
        });
        status.ifPresent(s -> {
            view.put("state", s.state());
            view.put("deviceId", s.deviceId());
            view.put("outboxItems", s.outboxItems());
            view.put("outboxBytes", s.outboxBytes());
            view.put("lastSyncAt", s.lastSyncAt());
            view.put("lastError", s.lastError());
            view.put("lastErrorCode", s.lastErrorCode());
            view.put("lastErrorAt", s.lastErrorAt());
            view.put("nextSyncAt", s.nextSyncAt());
            view.put("statusWrittenAt", s.updatedAt());
        });
        if (arguments.flag("json")) {
            try {
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(view));
            } catch (IOException e) {
                throw new CliFailure(ExitCodes.FAILED, "Writing the status failed: " + e, e);
            }
        } else {
            view.forEach((key, value) -> out.printf("%-22s %s%n", key + ":", value == null ? "-" : value));
            if (record.isEmpty()) {
                out.println("Not enrolled: garrison-agent enroll --server https://HOST:13000 --token TOKEN");
            }
        }
        if (record.isEmpty()) {
            return ExitCodes.NOT_ENROLLED;
        }
        return status.isPresent() && "revoked".equals(status.get().state()) ? ExitCodes.REVOKED : ExitCodes.OK;
    }
}
