package org.garrison.api.device;

/**
 * The family of a device's operating system.
 */
public enum OsType {
    WINDOWS,
    LINUX,
    MACOS,
    ANDROID,
    IOS,
    OTHER
}
