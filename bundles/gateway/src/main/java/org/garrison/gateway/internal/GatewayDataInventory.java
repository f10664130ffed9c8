package org.garrison.gateway.internal;

import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.garrison.gateway.internal.server.GatewayConfig;
import org.garrison.gateway.internal.server.GatewaySettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * What the agent gateway stores, for the data inventory: the certificate authority, enrollment tokens, enrolled agents
 * and their certificates, instructions for devices with their results, and the inbox of application data. The
 * gateway's own TLS key is made at each start and kept in memory only, so it is not listed. This component reads the
 * gateway's configuration, so the inventory states the inbox retention in force.
 */
@Component(configurationPid = GatewayConfig.PID)
public class GatewayDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;
    private static final String KEPT = "kept as long as the server (no clean-up yet)";

    private volatile List<DataItem> items;

    @Activate
    public GatewayDataInventory(GatewayConfig config) {
        this(GatewaySettings.of(config).applicationDataRetentionDays());
    }

    GatewayDataInventory(int applicationDataRetentionDays) {
        items = items(applicationDataRetentionDays);
    }

    @Modified
    void modified(GatewayConfig config) {
        items = items(GatewaySettings.of(config).applicationDataRetentionDays());
    }

    @Override
    public List<DataItem> dataItems() {
        return items;
    }

    private static List<DataItem> items(int applicationDataRetentionDays) {
        return List.of(
                new DataItem("gateway.certificate-authority", OWNER, "Certificate authority for agents",
                        "The server's own CA, created on the first start (EC P-256, valid for 20 years): its "
                                + "certificate, and its private key encrypted with the current data key "
                                + "(AES-256-GCM). It signs the agents' client certificates and the gateway's "
                                + "server certificate.",
                        DataOrigin.SERVER, "GATEWAY_CA", false, true, "kept as long as the server"),
                new DataItem("gateway.enrollment-tokens", OWNER, "Enrollment tokens",
                        "Name, target group, whether agents need approval, how many uses are allowed and made, "
                                + "expiry, revocation, who created it (kind, id and name of the actor), and the "
                                + "SHA-256 hash of the secret (never the secret). Personal data: names the admin "
                                + "who created it.",
                        DataOrigin.ADMIN, "GATEWAY_ENROLLMENT_TOKEN", true, false,
                        KEPT + "; expired and revoked tokens stay listed"),
                new DataItem("gateway.agents", OWNER, "Enrolled agents",
                        "One per machine: hardware id, host name and the host facts sent at enrollment (DNS "
                                + "domain, OS, architecture, agent version), state, group, device, who approved or "
                                + "rejected it, last sync and the network address it last synced from, and its sync "
                                + "progress. Personal data: host names and addresses of a device one person uses, "
                                + "and the name of the deciding admin.",
                        DataOrigin.AGENT, "GATEWAY_AGENT", true, false,
                        KEPT + "; revoked agents stay listed, a machine that enrolls again reuses its row"),
                new DataItem("gateway.agent-certificates", OWNER, "Certificates issued to agents",
                        "Serial number, agent, issue and expiry time, revocation time and reason of each client "
                                + "certificate; not the certificate itself.",
                        DataOrigin.SERVER, "GATEWAY_CERTIFICATE", false, false, KEPT),
                new DataItem("gateway.instructions", OWNER, "Instructions for devices",
                        "What the server asks an agent to do (type, application, parameters), queued until the "
                                + "device's next sync, with an optional expiry.",
                        DataOrigin.ADMIN, "GATEWAY_INSTRUCTION.TYPE, APPLICATION, PARAMETERS, REFERENCE, "
                                + "CREATED_AT, EXPIRES_AT", false, false, KEPT),
                new DataItem("gateway.instruction-results", OWNER, "Results of instructions",
                        "The state, message and result each agent reports for an instruction.",
                        DataOrigin.AGENT, "GATEWAY_INSTRUCTION.STATE, MESSAGE, RESULT, UPDATED_AT", false, false,
                        KEPT),
                new DataItem("gateway.application-data-inbox", OWNER, "Application data awaiting its plugin",
                        "What managed applications send through the agent, stored as received until the "
                                + "application's plugin takes it over. Personal data: may hold anything the "
                                + "application reports, such as user names and file paths.",
                        DataOrigin.APPLICATION, "GATEWAY_APPLICATION_DATA", true, false,
                        "until the application's plugin has taken it; without a plugin, "
                                + applicationDataRetentionDays + " days (applicationDataRetentionDays of "
                                + GatewayConfig.PID + ")"));
    }
}
