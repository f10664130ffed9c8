package org.garrison.plugins.devicecontrol.internal.reports;

import java.time.Instant;
import java.util.Locale;

/**
 * An external device attached to a device, as the application reports it in a connected-devices snapshot.
 *
 * @param instanceId   the application's stable id of the physical device
 * @param deviceClass  e.g. {@code removable-storage}
 * @param bus          e.g. {@code usb}
 * @param name         its name (may carry its owner's name: "Alice's iPhone")
 * @param vendorId     four hex digits (upper case), or {@code null}
 * @param productId    four hex digits (upper case), or {@code null}
 * @param serialNumber or {@code null}
 * @param access       what the application applies to it
 * @param decidedBy    {@code trusted-device}, {@code rule}, {@code bus} or {@code class-default}
 * @param rule         the rule's name when a rule decided, else {@code null}
 * @param firstSeen    when it was attached
 * @param lastSeen     when the application last saw it
 */
public record ExternalDevice(String instanceId, String deviceClass, String bus, String name, String vendorId,
        String productId, String serialNumber, Access access, String decidedBy, String rule, Instant firstSeen,
        Instant lastSeen) {

    public ExternalDevice {
        vendorId = upper(vendorId);
        productId = upper(productId);
        firstSeen = Times.stored(firstSeen);
        lastSeen = Times.stored(lastSeen);
    }

    static String upper(String hex) {
        return hex == null ? null : hex.toUpperCase(Locale.ROOT);
    }
}
