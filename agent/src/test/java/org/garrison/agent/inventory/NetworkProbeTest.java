package org.garrison.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.garrison.api.device.DeviceNetwork;
import org.junit.jupiter.api.Test;

class NetworkProbeTest {

    private static final NetworkProbe.Adapter LOOPBACK = new NetworkProbe.Adapter("lo", "00:00:00:00:00:00",
            List.of("127.0.0.1"), List.of((short) 8), List.of("0:0:0:0:0:0:0:1"));
    private static final NetworkProbe.Adapter WIFI = new NetworkProbe.Adapter("wlan0", "AA-BB-CC-DD-EE-01",
            List.of("192.168.1.20"), List.of((short) 24), List.of("fe80:0:0:0:1:2:3:4%wlan0"));
    private static final NetworkProbe.Adapter WIRED = new NetworkProbe.Adapter("eth0", "aa:bb:cc:dd:ee:02",
            List.of("10.1.2.3"), List.of((short) 16),
            List.of("fe80:0:0:0:0:0:0:9%eth0", "2001:db8:0:0:0:0:0:42"));
    private static final NetworkProbe.Adapter CONTAINER_CABLE = new NetworkProbe.Adapter("veth12ab", "aa:bb:cc:dd:ee:03",
            List.of(), List.of(), List.of());

    @Test
    void theMainAddressesAreThoseOfTheAdapterWithTheDefaultRoute() {
        DeviceNetwork network = NetworkProbe.network(List.of(LOOPBACK, WIFI, WIRED), null, "10.1.0.1");

        assertEquals("10.1.2.3", network.ipv4());
        assertEquals("2001:db8::42", network.ipv6());
    }

    @Test
    void theKernelsRouteTableNamesTheDefaultAdapter() {
        String table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
                + "wlan0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
                + "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n";

        assertEquals("wlan0", NetworkProbe.defaultRouteInterface(table));
        DeviceNetwork network = NetworkProbe.network(List.of(WIRED, WIFI), "wlan0", null);
        assertEquals("192.168.1.20", network.ipv4());
        assertEquals("fe80::1:2:3:4", network.ipv6());
    }

    @Test
    void everyRealAdapterMacIsListedOnceInOneNotation() {
        DeviceNetwork network = NetworkProbe.network(List.of(LOOPBACK, WIFI, WIRED, CONTAINER_CABLE, WIRED), null,
                null);

        assertEquals(List.of("aa:bb:cc:dd:ee:01", "aa:bb:cc:dd:ee:02"), network.macAddresses());
    }

    @Test
    void withoutAdaptersNothingIsKnown() {
        DeviceNetwork network = NetworkProbe.network(List.of(LOOPBACK), null, null);

        assertNull(network.ipv4());
        assertNull(network.ipv6());
        assertEquals(List.of(), network.macAddresses());
    }

    @Test
    void ipv6AddressesArePrintedInTheirShortForm() {
        assertEquals("fd00::2", NetworkProbe.compressed("fd00:0:0:0:0:0:0:2"));
        assertEquals("2001:db8:0:1:1:1:1:1", NetworkProbe.compressed("2001:0db8:0:1:1:1:1:1"));
        assertEquals("2001:db8::1:0:0:1", NetworkProbe.compressed("2001:db8:0:0:1:0:0:1"));
        assertEquals("::", NetworkProbe.compressed("0:0:0:0:0:0:0:0"));
        assertEquals("fe80::1", NetworkProbe.compressed("fe80::1"));
    }
}
