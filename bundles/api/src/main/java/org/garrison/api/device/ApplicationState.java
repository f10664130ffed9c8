package org.garrison.api.device;

/**
 * Whether a managed application is running.
 */
public enum ApplicationState {
    RUNNING,
    STARTING,
    STOPPED,
    UNKNOWN
}
