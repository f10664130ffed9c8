package org.garrison.plugins.devicecontrol.internal.store;

import java.time.Instant;

/**
 * What the plugin knows about a device's application as a whole.
 *
 * @param snapshotAt  when the application produced the latest applied connected-devices snapshot, or {@code null}
 * @param enforcement {@code enforce} or {@code log-only} as that snapshot said, or {@code null}
 * @param policyHash  the hash of the policy the application applied then, or {@code null} (its defaults)
 * @param lastEntryAt the time of the newest access-log entry received, or {@code null}
 */
public record ControlState(Instant snapshotAt, String enforcement, String policyHash, Instant lastEntryAt) {
}
