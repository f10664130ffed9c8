package org.garrison.api.device;

/**
 * The real-time protection state of a managed application.
 */
public enum ProtectionState {
    ON,
    STARTING,
    PAUSED,
    OFF,
    NOT_SUPPORTED,
    UNKNOWN
}
