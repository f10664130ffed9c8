package org.garrison.plugins.devicecontrol.internal.reports;

import java.time.Instant;

/**
 * One decision of the application ({@code schemas/data/access-log.json}).
 *
 * @param id           the application's id of the entry, stable across reports
 * @param at           when it decided
 * @param decision     what it decided
 * @param enforced     {@code false} when the policy only logs (the device was allowed whatever the decision)
 * @param decidedBy    {@code trusted-device}, {@code rule}, {@code bus} or {@code class-default}
 * @param rule         the rule's name when a rule decided, else {@code null}
 * @param trigger      {@code attached}, {@code policy-changed} or {@code rescan}
 * @param userAccount  the account signed in on the device (personal data), or {@code null}
 */
public record AccessEntry(String id, Instant at, String instanceId, String deviceClass, String bus, String name,
        String vendorId, String productId, String serialNumber, Access decision, boolean enforced, String decidedBy,
        String rule, String trigger, String userAccount) {

    public static final String TRUSTED_DEVICE = "trusted-device";

    public AccessEntry {
        at = Times.stored(at);
        vendorId = ExternalDevice.upper(vendorId);
        productId = ExternalDevice.upper(productId);
    }
}
