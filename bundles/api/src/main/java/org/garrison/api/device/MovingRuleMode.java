package org.garrison.api.device;

/**
 * How often a device moving rule moves a device.
 */
public enum MovingRuleMode {
    /** Moves each device once: after that, the device may be moved elsewhere by hand and stays there. */
    ONCE,
    /** Moves every matching device back whenever it is found outside the rule's group. */
    CONTINUOUS
}
