package org.garrison.gateway.internal.sync;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.garrison.api.agent.ApplicationPolicy;
import org.garrison.api.agent.PolicyUpdate;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncItemKind;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.PolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings devices their effective policies with the sync answers. Computing them costs a device read and a merge, so
 * it happens only when something may have changed: the agent holds no tag yet or one of another policy state
 * (a policy or plugin changed), the sync carries an inventory report (the facts profiles match), or the tag is older
 * than the re-check period (which brings admins' moves and tag changes). The answer then carries the policies whose
 * hash differs from what the agent holds.
 */
final class PolicyDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyDelivery.class);
    private static final char TIME_SEPARATOR = '@';

    private final AtomicReference<PolicyService> service = new AtomicReference<>();

    AtomicReference<PolicyService> service() {
        return service;
    }

    /** Whether the sync's answer should carry the device's policies (cheap: asks the policies' change tag). */
    boolean due(SyncRequest request, Instant now, Duration recheck) {
        PolicyService policies = service.get();
        if (policies == null) {
            return false;
        }
        String held = request.policyTag();
        int separator = held == null ? -1 : held.lastIndexOf(TIME_SEPARATOR);
        if (separator < 0 || carriesInventory(request)) {
            return true;
        }
        Instant lookedAt;
        try {
            lookedAt = Instant.ofEpochSecond(Long.parseLong(held.substring(separator + 1)));
        } catch (NumberFormatException | DateTimeException notOurs) {
            return true;
        }
        if (!lookedAt.plus(recheck).isAfter(now) || lookedAt.isAfter(now)) {
            return true;
        }
        try {
            return !held.substring(0, separator).equals(policies.changeTag());
        } catch (RuntimeException e) {
            // the sync is stored already: its answer must not fail for the policies, which the next sync catches up
            LOG.debug("Could not read the policies' change tag; not looking at the policies now", e);
            return false;
        }
    }

    /**
     * The device's policies that differ from what the agent holds, or {@code null} when they cannot be computed now
     * (the agent keeps what it holds and its tag, so it asks again at its next sync).
     */
    PolicyUpdate update(UUID deviceId, SyncRequest request, Instant now) {
        PolicyService policies = service.get();
        if (policies == null) {
            return null;
        }
        try {
            // the tag first: policies read after it are at least that new
            String tag = policies.changeTag() + TIME_SEPARATOR + now.getEpochSecond();
            List<EffectivePolicy> effective = policies.effectiveForDevice(deviceId);
            Map<String, String> held = request.policies();
            List<String> applications = new ArrayList<>();
            List<ApplicationPolicy> changed = new ArrayList<>();
            for (EffectivePolicy policy : effective) {
                applications.add(policy.application());
                if (!policy.hash().equals(held.get(policy.application()))) {
                    changed.add(new ApplicationPolicy(policy.application(), policy.hash(), policy.settings(),
                            policy.lockedSettings()));
                }
            }
            return new PolicyUpdate(tag, applications, changed);
        } catch (NotFoundException deletedMeanwhile) {
            return null;
        } catch (RuntimeException e) {
            LOG.warn("Could not compute the effective policies of device {}; its agent keeps what it holds", deviceId,
                    e);
            return null;
        }
    }

    private static boolean carriesInventory(SyncRequest request) {
        for (SyncItem item : request.items()) {
            if (item.kind() == SyncItemKind.INVENTORY) {
                return true;
            }
        }
        return false;
    }
}
