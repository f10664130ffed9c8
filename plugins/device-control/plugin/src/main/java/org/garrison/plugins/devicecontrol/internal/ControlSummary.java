package org.garrison.plugins.devicecontrol.internal;

import java.util.Optional;

import org.garrison.plugins.devicecontrol.internal.store.ControlState;

/**
 * What the plugin's tables say about one device, from which its application entry is derived.
 *
 * @param state             the application's state, if it reported any
 * @param usbStorageBlocked USB storage devices connected now and blocked (enforced)
 */
public record ControlSummary(Optional<ControlState> state, long usbStorageBlocked) {
}
