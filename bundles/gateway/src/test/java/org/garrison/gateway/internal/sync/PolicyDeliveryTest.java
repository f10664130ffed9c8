package org.garrison.gateway.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.PolicyUpdate;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.PolicyQuery;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.policy.PolicyState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration RECHECK = Duration.ofMinutes(5);
    private static final UUID DEVICE = UUID.randomUUID();

    private final PolicyDelivery delivery = new PolicyDelivery();
    private final InForce policies = new InForce();

    @BeforeEach
    void bind() {
        delivery.service().set(policies);
    }

    private static SyncRequest heldBy(String tag, Map<String, String> hashes, SyncItem... items) {
        return new SyncRequest(List.of(items), null, hashes, tag);
    }

    @Test
    void anAgentWithoutATagGetsEveryPolicy() {
        SyncRequest request = heldBy(null, Map.of());
        assertTrue(delivery.due(request, NOW, RECHECK));
        PolicyUpdate update = delivery.update(DEVICE, request, NOW);
        assertEquals(List.of("device-control", "endpoint-protection"), update.applications());
        assertEquals(List.of("device-control", "endpoint-protection"), update.changed().stream()
                .map(p -> p.application()).toList());
        assertEquals(Map.of("realtime", true), update.changed().get(1).settings());
        assertEquals(List.of("realtime"), update.changed().get(1).lockedSettings());
        assertEquals("tag-1@" + NOW.getEpochSecond(), update.tag());
    }

    @Test
    void onlyPoliciesWhoseHashDiffersAreSentInFull() {
        PolicyUpdate update = delivery.update(DEVICE, heldBy("tag-1@1", Map.of("device-control", "dc-hash",
                "endpoint-protection", "old", "uninstalled-app", "x")), NOW);
        assertEquals(List.of("endpoint-protection"), update.changed().stream().map(p -> p.application()).toList());
        assertEquals(List.of("device-control", "endpoint-protection"), update.applications(),
                "the agent drops the policy of an application no longer listed");
    }

    @Test
    void aCurrentTagIsNotDueUntilTheRecheckPeriodEnds() {
        String tag = delivery.update(DEVICE, heldBy(null, Map.of()), NOW).tag();
        assertFalse(delivery.due(heldBy(tag, Map.of()), NOW.plus(RECHECK).minusSeconds(1), RECHECK));
        assertTrue(delivery.due(heldBy(tag, Map.of()), NOW.plus(RECHECK), RECHECK));
        assertTrue(delivery.due(heldBy(tag, Map.of()), NOW.minusSeconds(60), RECHECK), "a tag from the future");
    }

    @Test
    void aPolicyChangeAnInventoryReportOrAForeignTagMakeItDue() {
        String tag = delivery.update(DEVICE, heldBy(null, Map.of()), NOW).tag();
        assertTrue(delivery.due(heldBy(tag, Map.of(), SyncItem.inventory(1, null)), NOW, RECHECK));
        assertTrue(delivery.due(heldBy("tag-1@not-a-time", Map.of()), NOW, RECHECK));
        assertTrue(delivery.due(heldBy("no separator", Map.of()), NOW, RECHECK));
        policies.tag = "tag-2";
        assertTrue(delivery.due(heldBy(tag, Map.of()), NOW, RECHECK));
    }

    @Test
    void withoutThePoliciesAreaNothingIsDueAndFailuresLeaveTheAgentAsItIs() {
        delivery.service().set(null);
        assertFalse(delivery.due(heldBy(null, Map.of()), NOW, RECHECK));
        assertNull(delivery.update(DEVICE, heldBy(null, Map.of()), NOW));
        delivery.service().set(policies);
        assertNull(delivery.update(UUID.randomUUID(), heldBy(null, Map.of()), NOW), "a device deleted meanwhile");
        policies.broken = true;
        assertNull(delivery.update(DEVICE, heldBy(null, Map.of()), NOW));
        assertFalse(delivery.due(heldBy("tag-1@" + NOW.getEpochSecond(), Map.of()), NOW, RECHECK),
                "a stored sync's answer never fails for the policies");
    }

    /** The policies in force for {@link #DEVICE}: only what the gateway asks of the policies area. */
    private static final class InForce implements PolicyService {

        String tag = "tag-1";
        boolean broken;

        @Override
        public List<EffectivePolicy> effectiveForDevice(UUID deviceId) {
            if (broken) {
                throw new IllegalStateException("the database is gone");
            }
            if (!deviceId.equals(DEVICE)) {
                throw new NotFoundException("device", deviceId);
            }
            List<EffectivePolicy> effective = new ArrayList<>();
            effective.add(policy("device-control", Map.of(), List.of(), "dc-hash"));
            effective.add(policy("endpoint-protection", Map.of("realtime", true), List.of("realtime"), "ep-hash"));
            return effective;
        }

        private static EffectivePolicy policy(String application, Map<String, Object> settings, List<String> locks,
                String hash) {
            return new EffectivePolicy(DEVICE, UUID.randomUUID(), application, false, List.of(), List.of(),
                    settings, Map.of(), locks, hash);
        }

        @Override
        public String changeTag() {
            if (broken) {
                throw new IllegalStateException("the database is gone");
            }
            return tag;
        }

        @Override
        public Policy get(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Policy> list(PolicyQuery query, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Policy create(PolicyDraft draft, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Policy update(UUID id, PolicyDraft draft, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Policy changeState(UUID id, PolicyState state, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(UUID id, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Policy addProfile(UUID policyId, PolicyProfile profile, Integer position, Integer expectedRevision,
                Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Policy updateProfile(UUID policyId, UUID profileId, PolicyProfile profile, Integer expectedRevision,
                Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Policy deleteProfile(UUID policyId, UUID profileId, Integer expectedRevision, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EffectivePolicy effectiveForDevice(UUID deviceId, String application) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EffectivePolicy effectiveForGroup(UUID groupId, String application, boolean outOfOffice) {
            throw new UnsupportedOperationException();
        }
    }
}
