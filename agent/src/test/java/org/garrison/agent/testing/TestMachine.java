package org.garrison.agent.testing;

import java.util.List;

import org.garrison.agent.inventory.InventorySource;
import org.garrison.api.agent.HostFacts;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OsType;

/** A machine with a fixed name whose inventory the test changes by hand. */
public final class TestMachine implements InventorySource {

    private final String hardwareId;
    private volatile String hostname;

    public TestMachine(String hardwareId, String hostname) {
        this.hardwareId = hardwareId;
        this.hostname = hostname;
    }

    public void rename(String newHostname) {
        this.hostname = newHostname;
    }

    @Override
    public String hardwareId() {
        return hardwareId;
    }

    @Override
    public HostFacts hostFacts(String agentVersion) {
        return new HostFacts(hostname, "test.example", OsType.LINUX, "Test Linux", "x86_64", agentVersion);
    }

    @Override
    public InventoryReport collect() {
        return new InventoryReport(null, true, new DeviceIdentity(null, null, null, "test.example",
                hostname + ".test.example", hardwareId), null, null, null, null, List.of(), List.of(), List.of(),
                null, List.of(), List.of());
    }
}
