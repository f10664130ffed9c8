package org.garrison.plugins.devicecontrol.internal.store;

import java.util.UUID;

import org.garrison.plugins.devicecontrol.internal.reports.ExternalDevice;

/**
 * An external device as stored: what the application reported about it last, on which device, whether the access
 * was enforced (not only logged) and whether it is connected now.
 */
public record StoredExternalDevice(UUID deviceId, ExternalDevice device, boolean enforced, boolean connected) {
}
