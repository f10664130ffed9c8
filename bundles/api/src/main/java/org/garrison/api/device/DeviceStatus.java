package org.garrison.api.device;

import java.time.Instant;
import java.util.List;

/**
 * A device's computed status.
 *
 * @param level      the worst level among the reasons, {@link StatusLevel#OK} without reasons
 * @param reasons    every condition that currently holds, worst first
 * @param computedAt when the status was last computed
 */
public record DeviceStatus(StatusLevel level, List<StatusReason> reasons, Instant computedAt) {

    public DeviceStatus {
        reasons = List.copyOf(reasons);
    }
}
