package org.garrison.gateway.internal.instructions;

import org.garrison.gateway.internal.server.GatewaySettings;
import org.garrison.gateway.internal.sync.TestBed;

/** Wake channels over a test bed, for tests of other packages. */
public final class TestWakeChannels {

    private TestWakeChannels() {
    }

    public static WakeChannel create(TestBed bed, GatewaySettings settings) {
        return new WakeChannel(bed.transactions, bed.devices, settings);
    }

    public static void stop(WakeChannel channel) {
        channel.deactivate();
    }
}
