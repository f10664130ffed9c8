package org.garrison.agent.inventory;

import org.garrison.api.agent.HostFacts;
import org.garrison.api.device.InventoryReport;

/**
 * Where the agent's knowledge of its machine comes from: the real machine (OSHI and the package managers) or a
 * simulated one.
 */
public interface InventorySource {

    /**
     * A stable identifier of the machine, the same across agent reinstalls and reboots (1–200 characters): enrolling
     * again with it maps to the same device on the server.
     */
    String hardwareId();

    /** What the agent tells about the machine when it enrolls. */
    HostFacts hostFacts(String agentVersion);

    /** The whole inventory of the machine now: a full report without device id. */
    InventoryReport collect();
}
