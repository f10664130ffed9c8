package org.garrison.gateway.internal.instructions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.garrison.api.Actor;
import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.WakeResponse;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.server.GatewaySettings;
import org.garrison.gateway.internal.sync.TestBed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakeChannelTest {

    private final TestBed bed = new TestBed();
    private WakeChannel channel = channel(GatewaySettings.defaults().maxWakeConnections());

    private WakeChannel channel(int maxPolls) {
        GatewaySettings d = GatewaySettings.defaults();
        return new WakeChannel(bed.transactions, bed.devices, new GatewaySettings(true, "127.0.0.1", 0,
                d.syncIntervalSeconds(), 20, d.maxBatchBytes(), 1000, 2, 10, maxPolls, 240, 2, 10, 7, 5, 5));
    }

    @AfterEach
    void stop() {
        channel.deactivate();
    }

    /** An enrolled agent with a device, as the directory reports it after its first sync. */
    private AgentIdentity agentWithDevice() {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        UUID device = bed.devices.register(new DeviceRegistration("ws", null, DeviceIdentity.unknown()),
                Actor.system("test")).id();
        return new AgentIdentity(agent.agentId(), agent.state(), device, agent.groupId(), agent.hardwareId(),
                agent.hostname(), agent.certificateSerial(), agent.renewAfter());
    }

    private static AgentIdentity unenrolledWithDevice() {
        return new AgentIdentity(UUID.randomUUID(), AgentState.ACTIVE, UUID.randomUUID(), UUID.randomUUID(), "hw",
                "host", "ab", null);
    }

    @Test
    void anOpenPollHearsSyncNowAtOnce() throws Exception {
        AgentIdentity agent = unenrolledWithDevice();
        CompletableFuture<WakeResponse> heard = new CompletableFuture<>();
        channel.open(agent, 240, heard::complete);
        assertEquals(1, channel.openPolls());
        assertEquals(1, channel.wake(List.of(agent.deviceId(), UUID.randomUUID())));
        assertEquals(new WakeResponse(true, 0), heard.get(1, TimeUnit.SECONDS));
        assertEquals(0, channel.openPolls());
        assertEquals(0, channel.wake(List.of(agent.deviceId())), "a poll is answered once");
    }

    @Test
    void manyAgentsWokenAtOnceAreSpreadOverMoreSeconds() throws Exception {
        List<UUID> devices = new ArrayList<>();
        List<CompletableFuture<WakeResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            AgentIdentity agent = unenrolledWithDevice();
            CompletableFuture<WakeResponse> heard = new CompletableFuture<>();
            channel.open(agent, 240, heard::complete);
            devices.add(agent.deviceId());
            answers.add(heard);
        }
        assertEquals(450, channel.wake(devices));
        assertEquals(new WakeResponse(true, 2), answers.get(449).get(1, TimeUnit.SECONDS));
    }

    @Test
    void aPollThatHearsNothingIsAnsweredNoSyncAtItsTimeout() throws Exception {
        CompletableFuture<WakeResponse> heard = new CompletableFuture<>();
        channel.open(unenrolledWithDevice(), 1, heard::complete);
        assertEquals(new WakeResponse(false, 0), heard.get(5, TimeUnit.SECONDS));
        assertEquals(0, channel.openPolls());
    }

    @Test
    void beyondTheLimitPollsAreRefusedButADeviceMayReplaceItsOwn() throws Exception {
        channel.deactivate();
        channel = channel(2);
        AgentIdentity one = unenrolledWithDevice();
        CompletableFuture<WakeResponse> first = new CompletableFuture<>();
        channel.open(one, 240, first::complete);
        channel.open(unenrolledWithDevice(), 240, response -> { });
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> channel.open(unenrolledWithDevice(), 240, response -> { }));
        assertEquals(503, refusal.status());
        assertEquals("overloaded", refusal.code());
        assertEquals(240, refusal.retryAfterSeconds());

        channel.open(one, 240, response -> { });
        assertEquals(new WakeResponse(false, 0), first.get(1, TimeUnit.SECONDS), "the replaced poll is let go");
        assertEquals(2, channel.openPolls());
    }

    @Test
    void anAgentWithoutADeviceIsToldToSyncAtOnce() throws Exception {
        AgentIdentity fresh = bed.enroll(AgentState.ACTIVE);
        CompletableFuture<WakeResponse> heard = new CompletableFuture<>();
        channel.open(fresh, 240, heard::complete);
        assertEquals(new WakeResponse(true, 0), heard.get(1, TimeUnit.SECONDS));
        assertEquals(0, channel.openPolls());
    }

    @Test
    void theSweepLetsGoOfRevokedAgentsAndDeletedDevices() throws Exception {
        AgentIdentity staying = agentWithDevice();
        AgentIdentity revoked = agentWithDevice();
        AgentIdentity deleted = agentWithDevice();
        AgentIdentity certificateRevoked = agentWithDevice();
        List<CompletableFuture<WakeResponse>> answers = new ArrayList<>();
        for (AgentIdentity agent : List.of(staying, revoked, deleted, certificateRevoked)) {
            CompletableFuture<WakeResponse> heard = new CompletableFuture<>();
            channel.open(agent, 240, heard::complete);
            answers.add(heard);
        }
        bed.execute("UPDATE GATEWAY_AGENT SET STATE = 'REVOKED' WHERE ID = '" + revoked.agentId() + "'");
        bed.devices.delete(deleted.deviceId());
        bed.execute("UPDATE GATEWAY_CERTIFICATE SET REVOKED_AT = CURRENT_TIMESTAMP WHERE SERIAL = '"
                + certificateRevoked.certificateSerial() + "'");

        assertEquals(3, channel.sweep());
        for (int i = 1; i < 4; i++) {
            assertEquals(new WakeResponse(false, 0), answers.get(i).get(1, TimeUnit.SECONDS));
        }
        assertNull(answers.get(0).getNow(null));
        assertEquals(1, channel.openPolls());
    }

    @Test
    void aPollWhoseConnectionWentAwayIsForgotten() {
        WakeChannel.Registration registration = channel.open(unenrolledWithDevice(), 240, response -> {
            throw new AssertionError("a closed poll is not answered");
        });
        registration.close();
        assertEquals(0, channel.openPolls());
    }
}
